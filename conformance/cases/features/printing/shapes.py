# Printing: tensors of rank 0 to 4 and empty tensors of several shapes, in float,
# int and bool, including the dtype= suffix and the size= suffix of empty tensors.
import torch

print(torch.tensor(3.5))
print(torch.tensor(7))
print(torch.tensor(True))
print(torch.tensor(2.0, dtype=torch.float64))
print(torch.tensor(-0.0))
print(torch.arange(6.0))
print(torch.arange(6.0).reshape(2, 3))
print(torch.arange(24).reshape(2, 3, 4))
print(torch.arange(24.0).reshape(2, 3, 2, 2) / 7)
print(torch.arange(8).reshape(2, 1, 2, 2) > 3)

# empty tensors
print(torch.tensor([]))
print(torch.tensor([], dtype=torch.int64))
print(torch.zeros(0, dtype=torch.float64))
print(torch.zeros(2, 0))
print(torch.zeros(0, 3, dtype=torch.int32))
print(torch.ones(3, 0, 2, dtype=torch.bool))
print(torch.zeros(1, 1, 1))
print(torch.zeros(1, 0))
print(repr(torch.zeros(0, 4)), str(torch.zeros(0, 4)))

# Printing: long rows wrap at linewidth 80 with torch's continuation indentation,
# for 1-D and 2-D tensors, with and without the dtype= and requires_grad suffixes.
import torch

print(torch.arange(30))
print(torch.arange(30.0) / 3)
print(torch.arange(40).reshape(2, 20))
print(torch.arange(60.0).reshape(3, 20) * 1.5)
print(torch.arange(25, dtype=torch.float64) / 7)
print(torch.arange(25, dtype=torch.int8))
print(torch.ones(20, requires_grad=True) * 2)
print(torch.linspace(-1, 1, 21, requires_grad=True))
print(torch.arange(100).reshape(2, 5, 10) * 1000)
print(torch.tensor([True, False] * 15))

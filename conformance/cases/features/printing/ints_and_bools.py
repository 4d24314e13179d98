# Printing: column alignment for integers of mixed widths and signs, extreme int64/
# uint8/int8 values, bool matrices, and integer-valued floats of various magnitudes.
import torch

print(torch.tensor([[1, -20], [300, 4]]))
print(torch.tensor([-5, 5, -500]))
print(torch.tensor([9223372036854775807, -9223372036854775808]))
print(torch.tensor([-128, 127], dtype=torch.int8))
print(torch.tensor([0, 255], dtype=torch.uint8))
print(torch.tensor([-32768, 32767], dtype=torch.int16))
print(torch.tensor([2147483647], dtype=torch.int32))
print(torch.tensor([[True], [False]]))
print(torch.eye(3, dtype=torch.bool))
print(torch.tensor([1e6, 2.0]))
print(torch.tensor([12345678.0, 1.0]))
print(torch.tensor([-1.0, 10.0, -100.0]))
print(torch.tensor([[1.0, -1.0], [0.5, 100.0]]))
print(torch.tensor([0.1, -0.1, 10.0]))
print(torch.tensor([1, 2, 3], dtype=torch.float16))

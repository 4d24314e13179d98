# Dtypes: promotion between tensors: dimensioned tensors promote normally; a 0-dim
# tensor counts like a scalar unless it is of a higher category; results printed.
import torch

dts = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
       torch.float16, torch.float32, torch.float64]
print('dimensioned x dimensioned')
for a in dts:
    row = [str((torch.ones(1, dtype=a) * torch.ones(1, dtype=b)).dtype).replace('torch.', '') for b in dts]
    print(str(a).replace('torch.', ''), row)
print('dimensioned x 0-dim')
for a in dts:
    row = [str((torch.ones(1, dtype=a) * torch.ones((), dtype=b)).dtype).replace('torch.', '') for b in dts]
    print(str(a).replace('torch.', ''), row)
print('0-dim x 0-dim')
for a in dts:
    row = [str((torch.ones((), dtype=a) * torch.ones((), dtype=b)).dtype).replace('torch.', '') for b in dts]
    print(str(a).replace('torch.', ''), row)

x = torch.tensor([1, 2], dtype=torch.int32)
print(x + torch.tensor(10), x + torch.tensor(1.5), x + torch.tensor([10]))
h = torch.tensor([1.0, 2.0], dtype=torch.float16)
print(h + torch.tensor(1.0, dtype=torch.float64), h + torch.tensor([1.0], dtype=torch.float64))
u = torch.tensor([250], dtype=torch.uint8)
print(u + torch.tensor([10], dtype=torch.int8), u + torch.tensor(10))
print(torch.tensor([True]) + torch.tensor([True]), torch.tensor([True]) * torch.tensor([5], dtype=torch.uint8))

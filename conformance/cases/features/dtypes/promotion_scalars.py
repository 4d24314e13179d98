# Dtypes: promotion between a tensor and a Python scalar: a scalar only raises the
# category (bool < int < float), never the width; int tensor with float scalar -> default dtype.
import torch

dts = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
       torch.float16, torch.float32, torch.float64]
for dt in dts:
    t = torch.ones(2, dtype=dt)
    print(dt, '| +True:', (t + True).dtype, '| +2:', (t + 2).dtype, '| *2.5:', (t * 2.5).dtype,
          '| 3-t:', (3 - t).dtype if dt != torch.bool else 'n/a')

print(torch.tensor([1, 2]) * 1.5)
print(torch.tensor([1, 2], dtype=torch.int32) + 1, torch.tensor([1, 2], dtype=torch.int32) + 1.0)
print(torch.tensor([200], dtype=torch.uint8) + 100)
print(torch.tensor([100], dtype=torch.int8) * 2)
print(torch.tensor([True, False]) + True, torch.tensor([True, False]) * 3)
print(torch.tensor([1.0], dtype=torch.float16) + 1e-4, torch.tensor([1.0], dtype=torch.float16) * 1e5)
print(torch.tensor([1, 2]) ** 2, torch.tensor([1, 2]) ** 0.5, 2 ** torch.tensor([1, 2]), 2.0 ** torch.tensor([1, 2]))
print(torch.tensor([1, 2]) + 10 ** 10)
print(torch.tensor(5) + 1.5, (torch.tensor(5) + 1.5).dtype)
print(torch.tensor([3]) / 2, torch.tensor([3]) // 2, torch.tensor([3]) % 2)
print(torch.tensor([1.0, 2.0], dtype=torch.float64) * 2, torch.tensor([1], dtype=torch.int16) - 1.0)
print(torch.add(torch.tensor([1, 2]), 2.5), torch.mul(torch.tensor([True]), 2))
print(torch.where(torch.tensor([True, False]), torch.tensor([1, 2]), 0.5))
print(torch.maximum(torch.tensor([1, 5], dtype=torch.int8), torch.tensor(3)))
print(torch.clamp(torch.tensor([1, 5, 9]), min=2.5).dtype, torch.clamp(torch.tensor([1, 5, 9]), 2, 6).dtype)

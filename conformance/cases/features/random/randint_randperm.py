# Random: randint (high only, low/high, dtype=, large ranges) and randperm (small and
# large n, dtype=), all bit-exact with torch's generator after manual_seed.
import torch

torch.manual_seed(0)
print(torch.randint(10, (5,)))
print(torch.randint(-5, 5, (2, 4)))
print(torch.randint(3, 4, (3,)), torch.randint(0, 2, (6,), dtype=torch.bool))
print(torch.randint(100, (3,), dtype=torch.int32), torch.randint(0, 256, (4,), dtype=torch.uint8))
print(torch.randint(10, (2,), dtype=torch.float32), torch.randint(low=1, high=7, size=(4,)))
print(torch.randint(2 ** 40, (3,)), torch.randint(-2 ** 33, 2 ** 33, (2,)))
print(torch.randint(5, ()), torch.randint(5, (0,)))
torch.manual_seed(3)
print(torch.randperm(5), torch.randperm(1), torch.randperm(0))
print(torch.randperm(10, dtype=torch.int32), torch.randperm(6, dtype=torch.float64))
p = torch.randperm(100)
print(p[:10], p.sort().values.equal(torch.arange(100)))
p = torch.randperm(5000)
print(p[:5], p[-5:], p.sum())
print(torch.rand(2))
torch.manual_seed(0)
idx = torch.randperm(8)
print(torch.arange(80, 88)[idx])

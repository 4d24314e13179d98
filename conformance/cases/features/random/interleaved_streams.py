# Random: how many generator draws each call consumes, checked by interleaving rand,
# randn (odd and even sizes, small and vectorised), randint, randperm and normal_.
import torch

torch.manual_seed(123)
print(torch.randn(1))
print(torch.rand(1))
print(torch.randn(3))
print(torch.rand(2))
print(torch.randn(16)[:2])
print(torch.rand(1))
print(torch.randn(33)[-2:])
print(torch.randint(0, 1000, (3,)))
print(torch.rand(1, dtype=torch.float64))
print(torch.randperm(4))
print(torch.randn(2, dtype=torch.float64))
print(torch.empty(17).normal_()[:2])
print(torch.rand(1))
mask = torch.rand(10) > 0.5
print(mask, torch.arange(10)[mask])
w = torch.randn(3, 2) * 0.1
print(w)

# Reductions: sum, mean, prod over all elements, one dim, a tuple of dims, negative
# dims, keepdim=True, and dtype=; empty reductions and reductions of 0-dim tensors.
import torch

x = torch.arange(24.0).reshape(2, 3, 4)
print(x.sum(), x.mean(), torch.sum(x), torch.mean(x))
print(x.sum(0), x.sum(-1), x.sum(dim=1))
print(x.sum((0, 2)), x.sum(dim=(-1, -3)), x.sum([0, 1]).shape)
print(x.sum(1, keepdim=True).shape, x.mean((0, 1), keepdim=True), x.sum(dim=()).shape)
print(x.mean(0), x.mean(dim=-2))
p = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print(p.prod(), p.prod(0), p.prod(1, keepdim=True), torch.prod(p, dim=-1))
i = torch.tensor([[1, 2], [3, 4]], dtype=torch.int32)
print(i.sum(), i.sum().dtype, i.sum(0).dtype, i.prod().dtype, i.sum(dtype=torch.float64), i.mean(dtype=torch.float32))
print(torch.tensor([True, True, False]).sum(), torch.tensor([200, 100], dtype=torch.uint8).sum())
print(x.sum(dtype=torch.float64), p.mean(1, dtype=torch.float64), torch.sum(p, 0, dtype=torch.int64))
print(torch.zeros(0).sum(), torch.zeros(0).prod(), torch.zeros(0).mean(), torch.zeros(2, 0).sum(1), torch.zeros(2, 0).mean(1))
print(torch.tensor(5.0).sum(), torch.tensor(5.0).sum(0), torch.tensor(5.0).mean(-1), torch.tensor(5.0).sum(0, keepdim=True))
h = torch.full((1000,), 0.1, dtype=torch.float16)
print(h.sum(), h.mean())
print(torch.arange(10.0).sum(0).shape, torch.tensor([[1.5]]).mean((0, 1)))

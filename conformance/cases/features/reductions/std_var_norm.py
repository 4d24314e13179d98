# Reductions: std and var (default unbiased, unbiased=False, correction=, dims, keepdim),
# norm (p = 2, 1, inf, -inf, 0, 'fro', dim) and logsumexp (with very large values).
import torch

x = torch.tensor([[1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 6.0, 8.0]])
print(x.std(), x.var(), torch.std(x), torch.var(x))
print(x.std(1), x.var(0), x.var(1, keepdim=True), x.std(dim=(0, 1)))
print(x.var(unbiased=False), x.std(1, unbiased=False), torch.var(x, 1, False))
print(x.var(correction=0), x.var(1, correction=2), x.std(correction=1))
print(torch.tensor([5.0]).var(), torch.tensor([5.0]).std(correction=0), torch.tensor([5.0]).var(correction=2))
print(x.double().std(1), torch.tensor([1, 2, 3]).float().var())
v = torch.tensor([3.0, -4.0, 0.0])
print(v.norm(), v.norm(1), v.norm(float('inf')), v.norm(-float('inf')), v.norm(0), v.norm(3))
print(torch.norm(x), x.norm(dim=1), x.norm(p=1, dim=0), x.norm('fro'), x.norm(2, dim=1, keepdim=True))
print(torch.norm(x, p='fro', dim=(0, 1)), torch.zeros(3).norm(), x.norm(dim=(0, 1)))
print(torch.logsumexp(x, dim=1), x.logsumexp(0), x.logsumexp((0, 1)), x.logsumexp(1, keepdim=True))
big = torch.tensor([1000.0, 1000.0, -float('inf')])
print(big.logsumexp(0), torch.tensor([-float('inf'), -float('inf')]).logsumexp(0))
print(torch.tensor([[0.0, 1e-3], [100.0, 100.0]]).logsumexp(1))
print(torch.tensor([1, 2], dtype=torch.int64).logsumexp(0))

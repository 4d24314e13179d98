# Creation: Python protocols on tensors: item, tolist, len, iter, bool, float, int,
# index (as list index and in range), clone and contiguous, comparisons with numbers.
import torch

x = torch.tensor([[1.5, -2.0], [3.25, 4.0]])
print(x.tolist(), torch.tensor(2.5).tolist(), torch.tensor([1, 2]).tolist())
print(torch.tensor([True, False]).tolist(), torch.tensor(7).item(), type(torch.tensor(7).item()).__name__)
print(torch.tensor(2.5).item(), type(torch.tensor(2.5).item()).__name__)
print(torch.tensor([True]).item(), type(torch.tensor(True).item()).__name__)
print(torch.tensor([0.1]).item(), torch.tensor([0.1], dtype=torch.float64).item())
print(torch.tensor(0.1, dtype=torch.float16).item())
print(len(x), len(torch.zeros(5, 2)))
for row in x:
    print(row, row.shape)
for v in torch.tensor([1, 2]):
    print(v, v.dim())
print(list(torch.arange(3)), [int(v) for v in torch.arange(3)])
print(bool(torch.tensor(0.0)), bool(torch.tensor([3])), bool(torch.tensor(-1)))
print(float(torch.tensor(3)), float(torch.tensor([2.5])), int(torch.tensor(-2.7)), int(torch.tensor([9])))
i = torch.tensor(2)
print([10, 20, 30, 40][i], list(range(10))[torch.tensor(1):torch.tensor(4)], i.__index__())
print(bin(torch.tensor(5)), range(torch.tensor(3)))
print(abs(torch.tensor(-2)), round(float(torch.tensor(2.567)), 2))
if torch.tensor(1.0) > 0:
    print("positive")
print(torch.tensor(3.0) == 3, 3 == torch.tensor(3.0), torch.tensor(2) in torch.tensor([1, 2]))
print(5 in torch.tensor([1, 2]))
c = x.clone()
c[0, 0] = 100.0
print(x[0, 0], c[0, 0])
y = x.t()
print(y.is_contiguous(), y.contiguous().is_contiguous(), x.contiguous() is x)
print(y.contiguous())
print(max(torch.tensor([3, 1, 2])), sorted(torch.tensor([3, 1, 2])))
print(sum(torch.tensor([1.0, 2.0, 3.0])))

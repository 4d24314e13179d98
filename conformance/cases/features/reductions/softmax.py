# Reductions: softmax and log_softmax (torch., method and torch.nn.functional forms)
# along each dim, with dtype=, large and -inf inputs, and rows summing to one.
import torch
import torch.nn.functional as F

x = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
print(torch.softmax(x, dim=1), x.softmax(0), F.softmax(x, dim=-1))
print(torch.log_softmax(x, 1), x.log_softmax(dim=0), F.log_softmax(x, dim=1))
print(torch.allclose(torch.softmax(x, 1).sum(1), torch.ones(2)), torch.allclose(torch.log_softmax(x, 1).exp().sum(1), torch.ones(2)))
print(torch.softmax(x, 1, dtype=torch.float64), F.log_softmax(x, 1, dtype=torch.float64).dtype)
big = torch.tensor([1000.0, 1001.0, 1002.0])
print(big.softmax(0), big.log_softmax(0))
m = torch.tensor([0.0, -float('inf'), 1.0])
print(m.softmax(0), m.log_softmax(0))
print(torch.tensor([-float('inf'), -float('inf')]).softmax(0))
print(torch.tensor(2.0).softmax(0), torch.tensor([5.0]).log_softmax(0))
print(torch.arange(8.0).reshape(2, 2, 2).softmax(-2))
print(torch.softmax(torch.tensor([1, 2, 3], dtype=torch.float16), 0))

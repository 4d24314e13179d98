# Printing: the order and form of the suffixes after the values: size=, dtype=,
# requires_grad=True and grad_fn=<...>, for leaves, results, detached and no_grad tensors.
import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
print(a)
print(a * 2)
print(a.sum())
print(a.detach())
print(a.data)
d = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
print(d)
print(d + 1)
print(d.sum())
h = torch.tensor([1.5], dtype=torch.float16, requires_grad=True)
print(h, h * 2)
e = torch.zeros(0, requires_grad=True)
print(e, e * 2)
e2 = torch.zeros(2, 0, dtype=torch.float64, requires_grad=True)
print(e2, e2 + 1)
with torch.no_grad():
    print(a * 2)
print(torch.tensor(3.0, requires_grad=True) ** 2)
print(a.to(torch.float64))
print(a.long())
print(torch.zeros(1500, requires_grad=True))
print(torch.zeros(2, 2, dtype=torch.float64, requires_grad=True).t())
print(torch.tensor([0.5, 0.25], requires_grad=True)[0])
print(torch.ones(2, requires_grad=True).view(2, 1))

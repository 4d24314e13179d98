# Indexing: gradients through __getitem__: basic slices scatter back, repeated advanced
# indices accumulate, bool masks, None/Ellipsis, and index_select/gather with duplicates.
import torch

x = torch.arange(6.0).reshape(2, 3).requires_grad_()
x[:, 1:].sum().backward()
print(x.grad)
x.grad = None
x[[0, 0, 1], [2, 2, 0]].sum().backward()
print(x.grad)
x.grad = None
x[torch.tensor([1, 1, 1])].sum().backward()
print(x.grad)
x.grad = None
x[x > 2].pow(2).sum().backward()
print(x.grad)
x.grad = None
(x[None, ..., 1] * torch.tensor([[10.0, 20.0]])).sum().backward()
print(x.grad)
x.grad = None
x.index_select(1, torch.tensor([0, 0, 2])).sum().backward()
print(x.grad)
x.grad = None
x.gather(1, torch.tensor([[1, 1], [0, 2]])).sum().backward()
print(x.grad)
x.grad = None
x[1, ::2].sum().backward()
print(x.grad)
x.grad = None
x.masked_select(torch.tensor([True, False, True])).sum().backward()
print(x.grad)
x.grad = None
v = x[0]
w = x[:, 0]
(v * w[1]).sum().backward()
print(x.grad)

# Warnings: deprecated arguments and behaviours: grad_variables (FutureWarning),
# Variable(volatile=True), indexing with uint8 masks, and out= tensors being resized.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
torch.autograd.backward((x * x).sum(), grad_variables=torch.tensor(1.0))
print(x.grad)
v = torch.autograd.Variable(torch.ones(2), volatile=True)
print(v, v.requires_grad)
t = torch.arange(4.0)
print(t[torch.tensor([1, 0, 1, 0], dtype=torch.uint8)])
out = torch.zeros(2)
r = torch.add(t, 1, out=out)
print(out, out.shape, r is out)
empty = torch.zeros(0)
torch.mul(t, 2, out=empty)
print(empty)

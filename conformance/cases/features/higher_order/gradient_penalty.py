# Higher order: the gradient of a gradient norm (a gradient penalty): grad() with
# create_graph through a small model, then backward of a loss containing the norm.
import torch

torch.manual_seed(0)
W = (torch.randn(3, 2) * 0.5).requires_grad_()
b = torch.zeros(2, requires_grad=True)
x = torch.randn(4, 3, requires_grad=True)


def critic(inp):
    return (inp @ W + b).tanh().sum(1)


out = critic(x)
(gx,) = torch.autograd.grad(out.sum(), x, create_graph=True)
print(gx.shape, gx.requires_grad, gx.grad_fn is not None)
norms = gx.norm(dim=1)
print(norms)
penalty = ((norms - 1) ** 2).mean()
loss = out.mean() + 10 * penalty
loss.backward()
print(penalty)
print(W.grad)
print(b.grad)
print(x.grad)
v = torch.tensor([1.0, -1.0], requires_grad=True)
f = (v ** 3).sum() + v.prod()
(g,) = torch.autograd.grad(f, v, create_graph=True)
gn = g.pow(2).sum()
gn.backward()
print(g, gn, v.grad)

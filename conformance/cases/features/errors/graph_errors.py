# Errors: errors raised during backward: a second backward through freed saved tensors,
# a saved tensor modified in place (exact version message), grad() through a freed graph.
import torch


def attempt(label, fn):
    try:
        r = fn()
        print(label, 'no error', r)
    except Exception as e:
        print(label, type(e).__name__, e)


x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x * x).sum()
y.backward()
attempt('second backward', lambda: y.backward())
z = x.exp().sum()
torch.autograd.grad(z, x)
attempt('grad after grad', lambda: torch.autograd.grad(z, x))
a = x * 2
b = a.sigmoid()
a.add_(1)
attempt('sigmoid ok (saves result)', lambda: b.sum().backward())
c = x * 2
d = c * c
c.add_(1)
attempt('saved input modified', lambda: d.sum().backward())
e = x.exp()
e.mul_(2)
attempt('exp result modified', lambda: e.sum().backward())
f = x * 3
g = f[0] * f
f.zero_()
attempt('view modified', lambda: g.sum().backward())
m = torch.ones(2, 2, requires_grad=True)
w = torch.ones(2, 2)
out = m @ w
w.mul_(2)
attempt('matmul operand modified', lambda: out.sum().backward())
p = x.pow(2)
q = p.sum()
q.backward(retain_graph=True)
attempt('retain_graph then backward', lambda: q.backward())
attempt('third backward', lambda: q.backward())
print(x.grad)

# In-place and versions: _version increments on each in-place op and is shared by views
# and detach(); the exact error when a tensor saved for backward was modified.
import torch

a = torch.zeros(4)
v = a[1:3]
d = a.detach()
print(a._version, v._version, d._version)
a.add_(1)
print(a._version, v._version, d._version)
v.mul_(2)
a[0] = 5.0
d.zero_()
print(a._version, v._version, d._version, a)
b = a.clone()
print(b._version)
b += 1
b -= 1
b.copy_(torch.ones(4))
print(b._version)
torch.add(torch.ones(4), 1, out=b)
print(b._version)


def attempt(label, fn):
    try:
        fn()
        print(label, 'ok')
    except RuntimeError as e:
        print(label, '->', e)


x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 1
z = y ** 2
y.add_(1)
attempt('pow saved self', lambda: z.sum().backward())
y = x * 1
z = y * y
y.mul_(2)
y.mul_(2)
attempt('mul saved twice-modified', lambda: z.sum().backward())
y = x * 1
z = y.exp()
z.add_(1)
attempt('exp saved result', lambda: z.sum().backward())
y = x * 1
z = y.sin()
y[0] = 0.0
attempt('sin saved self, setitem', lambda: z.sum().backward())
y = x * 1
z = y * 2
y.add_(1)
attempt('mul by number: self not saved', lambda: z.sum().backward())
y = x * 1
z = y + y
y.add_(1)
attempt('add saves nothing', lambda: z.sum().backward())
y = x * 1
z = y.view(2, 1).relu()
y.zero_()
attempt('relu saved result, base modified', lambda: z.sum().backward())
w = torch.ones(2)
z = x * w
w.add_(1)
attempt('non-grad operand modified', lambda: z.sum().backward())
print(x.grad)

# Pointwise: in-place methods (add_, sub_, mul_, div_, pow_, zero_, fill_, copy_, clamp_,
# neg_, exp_, masked_fill_, index_add_, scatter_, augmented operators) return self and write through views.
import torch

x = torch.tensor([1.0, 2.0, 3.0, 4.0])
r = x.add_(1)
print(r is x, x)
for step in [lambda: x.sub_(torch.tensor([1.0, 1.0, 1.0, 1.0]), alpha=0.5), lambda: x.mul_(2),
             lambda: x.div_(3), lambda: x.pow_(2), lambda: x.neg_(), lambda: x.exp_(),
             lambda: x.clamp_(0, 0.5), lambda: x.clamp_(min=0.25), lambda: x.zero_(), lambda: x.fill_(2.5)]:
    print(step() is x, x)
x.add_(torch.tensor([[0.0, 1.0, 2.0, 3.0]])[0], alpha=2)
print(x)
x.copy_(torch.tensor([9, 8, 7, 6]))
print(x, x.dtype)
x.copy_(torch.tensor(0.5))
print(x)
x.masked_fill_(torch.tensor([True, False, True, False]), -1)
print(x)
z = torch.zeros(5)
z.index_add_(0, torch.tensor([0, 2, 0]), torch.tensor([1.0, 2.0, 3.0]))
print(z)
z.index_add_(0, torch.tensor([4]), torch.tensor([10.0]), alpha=-1)
print(z)
s = torch.zeros(2, 3)
s.scatter_(1, torch.tensor([[2], [0]]), 5.0)
print(s)
s.scatter_(0, torch.tensor([[1, 0, 1]]), torch.tensor([[7.0, 8.0, 9.0]]))
print(s)
m = torch.arange(6.0).reshape(2, 3)
row = m[1]
row.mul_(10)
m[:, 0].fill_(-1)
print(m)
m.t().add_(1)
print(m)
a = torch.tensor([1, 2, 3])
a += 1; a -= 2; a *= 3; a //= 2; a %= 3
print(a)
b = torch.tensor([1.0, 2.0]); bid = b
b += 1; b *= 2; b /= 4; b **= 2; b -= torch.tensor(0.25)
print(b, b is bid)
i = torch.tensor([5, 6]); i &= 4; i |= 1; i ^= 3
print(i, i.dtype)
c = torch.tensor([1, 2])
c.mul_(2)
print(c)
f = torch.zeros(3)
f += torch.tensor([1, 2, 3])
f.add_(True)
print(f, f.dtype)

# Linalg: mm, bmm, mv, dot, outer, cross with an explicit dim, as
# functions and methods, for float and int tensors, plus out= for mm.
import torch

a = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
b = torch.tensor([[1.0, 0.0, -1.0], [0.5, 2.0, 1.0]])
print(torch.mm(a, b), a.mm(b), b.mm(a))
ba = torch.arange(12.0).reshape(2, 3, 2)
bb = torch.arange(8.0).reshape(2, 2, 2)
print(torch.bmm(ba, bb), ba.bmm(bb).shape)
print(torch.mv(a, torch.tensor([1.0, -1.0])), b.mv(torch.tensor([1.0, 1.0, 1.0])))
print(torch.dot(torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0, 5.0, 6.0])), torch.tensor([1, 2]).dot(torch.tensor([3, 4])))
print(torch.outer(torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0, 5.0])), torch.tensor([1, 2]).outer(torch.tensor([1, -1])))
u = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])
w = torch.tensor([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
print(torch.cross(u, w, dim=1), u.cross(w, dim=-1))
print(torch.cross(torch.tensor([1, 2, 3]), torch.tensor([4, 5, 6]), dim=0))
print(torch.cross(torch.arange(6.0).reshape(3, 2), torch.ones(3, 2), dim=0))
o = torch.empty(3, 3)
torch.mm(a, b, out=o)
print(o)
print(torch.mm(torch.tensor([[2]]), torch.tensor([[3]])), torch.mm(a.t(), a).dtype, torch.mm(a.double(), b.double()).dtype)

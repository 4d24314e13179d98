# Printing: torch.Size repr/str, its tuple behaviour (indexing, slicing, equality,
# concatenation, numel) and shape/size() of tensors of several ranks.
import torch

x = torch.zeros(2, 3, 4)
print(x.shape)
print(x.size())
print(repr(x.shape), str(x.shape))
print(torch.tensor(1.0).shape, torch.zeros(0).shape, torch.zeros(5).shape)
print(x.shape[0], x.shape[-1], x.shape[1:], type(x.shape[1:]).__name__)
print(x.size(1), x.size(-1), x.size(dim=0))
print(x.shape == (2, 3, 4), x.shape == [2, 3, 4], x.shape == torch.Size([2, 3, 4]))
print(list(x.shape), tuple(x.shape), len(x.shape))
print(x.shape + (5,), type(x.shape + (5,)).__name__)
print((1,) + x.shape, type((1,) + x.shape).__name__)
print(x.shape.numel(), torch.Size([]).numel(), torch.Size([0, 3]).numel())
s = torch.Size([4, 5])
print(s, isinstance(s, tuple), torch.zeros(s).shape)
a, b, c = x.shape
print(a, b, c)
print(f"{x.shape}", "%s" % (x.shape,))
print(torch.Size((7,)), torch.Size())
print(x.shape.index(3), x.shape.count(4))
print(x.shape * 2, type(x.shape * 2).__name__)
print(torch.ones(3, 1).expand(3, 5).shape)

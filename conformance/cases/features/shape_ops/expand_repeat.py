# Shape ops: expand (with -1 and new leading dims), expand_as, broadcast_to (views
# with stride 0) versus repeat and tile (copies), with their shapes and values.
import torch

x = torch.tensor([[1], [2], [3]])
e = x.expand(3, 4)
print(e, e.stride(), e.is_contiguous())
print(x.expand(2, -1, 2).shape, x.expand(2, 3, 1).stride())
print(x.expand_as(torch.zeros(3, 2)))
print(torch.broadcast_to(torch.tensor([1, 2]), (3, 2)), torch.tensor(7).expand(2, 2))
x[0, 0] = 10
print(e[0])
print(torch.tensor([1, 2]).repeat(3), torch.tensor([1, 2]).repeat(2, 2))
print(torch.tensor([[1, 2]]).repeat(1, 2, 3).shape)
print(x.repeat(1, 2))
r = x.repeat(2, 1)
r[0, 0] = -5
print(x[0, 0], r.is_contiguous())
print(torch.tensor([1, 2]).tile((2,)), torch.tile(torch.tensor([[1, 2]]), (2, 2)))
print(torch.arange(4).reshape(2, 2).tile((2, 1, 1)).shape, torch.arange(4).reshape(2, 2).tile((2,)))
print(torch.ones(1, 3).expand(0, 3).shape, torch.tensor(1.5).repeat(3))

# Indexing: advanced __getitem__ with bool masks, long tensors, lists, and mixes of
# advanced and basic indices (including where the advanced dimensions land); results are copies.
import torch

x = torch.arange(12).reshape(3, 4)
print(x[x > 5])
print(x[torch.tensor([True, False, True])])
print(x[:, torch.tensor([True, False, False, True])])
print(x[[0, 2]])
print(x[[0, 2], [1, 3]])
print(x[torch.tensor([2, 0, 2])])
print(x[torch.tensor([[0, 1], [2, 0]])])
print(x[torch.tensor([-1, -3])])
print(x[1:, [0, 3]])
print(x[[0, 1], 2])
print(x[torch.tensor(1)], x[torch.tensor(1)].shape)
print(x[[1]], x[[1]].shape)
print(x[[True, False, True]])
y = torch.arange(24).reshape(2, 3, 4)
print(y[:, [0, 2], [1, 3]].shape, y[[0, 1], :, [1, 3]].shape)
print(y[[0, 1], :, [1, 3]])
print(y[..., [0, 0]].shape, y[None, [1]].shape, y[0, :, [2, 1]])
print(y[y % 5 == 0], y[torch.ones(2, 3, dtype=torch.bool)].shape)
print(y[torch.tensor([[True, False, True], [False, False, True]])])
c = x[[0, 1]]
c[0, 0] = 100
print(x[0, 0])
m = x[x > 100]
print(m, m.shape, m.dtype)
f = torch.tensor([1.5, 2.5, 3.5])
print(f[torch.tensor([0, 0, 2])], f[[False, True, True]], f[torch.tensor([], dtype=torch.long)])
# an int separated from a list by a slice: torch treats the int as basic indexing (NumPy differs)
print(y[0, :, [2, 1]].shape, y[[0, 1], :, 1].shape, y[:, 0, [1, 2]].shape, y[1, [0, 1], :].shape)

# Indexing: __getitem__ with ints, negative ints, slices with steps, None and
# Ellipsis; the results are views (they share memory and report storage offsets).
import torch

x = torch.arange(24).reshape(2, 3, 4)
print(x[0])
print(x[-1, -1])
print(x[1, 2, 3], x[1, 2, 3].shape)
print(x[:, 1])
print(x[:, :, 1:3])
print(x[..., ::2])
print(x[:, ::2, 1::2])
print(x[0, 1:, :-1])
print(x[None].shape, x[:, None].shape, x[..., None].shape, x[None, ..., None].shape)
print(x[..., 0])
print(x[0, ...], x[0, ..., 1])
print(x[1:100].shape, x[5:].shape, x[:, 3:1].shape, x[-100:1].shape)
print(x[:, -2:], x[:, -2:].storage_offset(), x[:, -2:].stride())
print(x[0][1][2], x[0, 1][2])
v = x[1, :, ::3]
print(v, v.stride(), v.storage_offset())
v[0, 0] = -1
print(x[1, 0])
print(torch.arange(10)[2:8:3], torch.arange(10)[::4], torch.arange(10)[-3:])
s = torch.tensor(5.0)
print(s[None], s[...], s[()], s[None, None].shape)
print(x[()] is x, x[...] is x)
print(x[0, 0, 0].item(), x[(1, 2)])

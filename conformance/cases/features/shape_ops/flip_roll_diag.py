# Shape ops: flip, roll (flattened and per dim), tril/triu with diagonal offsets,
# diag (vector->matrix and matrix->vector), diagonal (offset, dims; a view) and trace.
import torch

x = torch.arange(12).reshape(3, 4)
print(x.flip(0), torch.flip(x, [0, 1]), x.flip(-1)[0])
print(torch.arange(5).roll(2), torch.roll(torch.arange(5), -1), x.roll(1))
print(x.roll(1, 0), x.roll((1, -1), (0, 1)), x.roll(5, dims=1))
print(x.tril(), x.triu(), x.tril(-1), x.triu(1), torch.tril(x, 2), torch.triu(x, -1))
print(torch.ones(2, 3, 3).triu(1)[1])
v = torch.tensor([1, 2, 3])
print(torch.diag(v), torch.diag(v, 1), torch.diag(v, -1).shape)
print(x.diag(), x.diag(1), x.diag(-2), torch.diag(x, 5))
print(x.diagonal(), x.diagonal(offset=1), x.diagonal(-1), torch.diagonal(x, 0, 1, 0))
y = torch.arange(24).reshape(2, 3, 4)
print(y.diagonal(dim1=1, dim2=2), y.diagonal(0, 0, 2).shape)
d = x.diagonal()
d[0] = -7
print(x[0, 0], d.stride(), d.storage_offset(), x.diagonal(1).storage_offset())
print(x.trace(), torch.trace(torch.eye(3)), torch.tensor([[1.5, 2.0], [3.0, 4.0]]).trace())
print(torch.tensor([[1, 2], [3, 4]], dtype=torch.int32).trace().dtype)

# Indexing: __setitem__ with ints, slices, None/Ellipsis, bool masks, long tensors and
# lists; values as Python numbers or broadcasting tensors, cast to the target's dtype.
import torch

x = torch.zeros(3, 4)
x[0] = 1
x[1, 2] = 5.5
x[:, -1] = torch.tensor([7.0, 8.0, 9.0])
x[2, :2] = torch.tensor([[-1.0, -2.0]])
print(x)
x[...] = 0
x[1:, 1::2] = torch.arange(2.0)
print(x)
x[x == 0] = 3
print(x)
x[torch.tensor([0, 2])] = torch.tensor([10.0, 20.0, 30.0, 40.0])
print(x)
x[[0, 1], [3, 2]] = -5
print(x)
x[:, [True, False, True, False]] = torch.tensor([[100.0], [200.0], [300.0]])
print(x)
x[None, 0] = 0.5
print(x[0])
i = torch.zeros(4, dtype=torch.int64)
i[1] = 2.9
i[2:] = torch.tensor([1.5, -1.5])
print(i)
b = torch.zeros(3, dtype=torch.bool)
b[1] = 5
print(b)
y = torch.arange(6.0)
v = y[::2]
v[:] = -1
print(y)
y[torch.tensor(4)] = 44
print(y)
z = torch.zeros(2, 3)
z[:, 1] += 5
z[0] *= 2
z[z > 5] -= 1
print(z)
w = torch.zeros(5)
w[torch.tensor([1, 3])] += torch.tensor([1.0, 2.0])
print(w)
h = torch.zeros(2, 2, dtype=torch.float16)
h[0, 0] = 1 / 3
print(h)

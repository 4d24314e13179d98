# Shape ops: view (with -1 and view_as), reshape (a view when possible, else a copy),
# reshape_as, flatten, unflatten, squeeze and unsqueeze, and which results share memory.
import torch

x = torch.arange(12.0)
v = x.view(3, 4)
print(v, v.shape)
print(x.view(-1, 6).shape, x.view(2, -1, 2).shape, x.view(12).shape, x.view(torch.Size([4, 3])).shape)
print(x.view_as(torch.zeros(6, 2)).shape)
v[0, 0] = 100
print(x[0])
r = v.reshape(2, 6)
r[0, 1] = -1
print(x[1])
t = v.t()
c = t.reshape(12)
c[0] = 555
print(x[0], t.is_contiguous(), c.is_contiguous())
print(t.reshape(-1))
print(v.reshape_as(torch.zeros(4, 3)))
y = torch.arange(24).reshape(2, 3, 4)
print(y.flatten().shape, y.flatten(1).shape, y.flatten(0, 1).shape, y.flatten(-2, -1).shape)
print(torch.flatten(y, start_dim=1, end_dim=2).shape, torch.tensor(3.0).flatten())
print(y.unflatten(2, (2, 2)).shape, y.unflatten(-1, (2, -1)).shape, torch.arange(6).unflatten(0, (2, 3)))
z = torch.zeros(1, 3, 1, 2)
print(z.squeeze().shape, z.squeeze(0).shape, z.squeeze(1).shape, z.squeeze(-2).shape)
print(z.squeeze((0, 2)).shape, torch.squeeze(z, dim=(0, 1)).shape)
print(torch.tensor([5.0]).squeeze(), torch.tensor([5.0]).squeeze().shape)
w = torch.arange(3)
print(w.unsqueeze(0).shape, w.unsqueeze(1).shape, w.unsqueeze(-1).shape, w.unsqueeze(-2).shape)
print(torch.unsqueeze(torch.tensor(2), 0), w.unsqueeze(1))
u = w.unsqueeze(0)
u[0, 1] = 42
print(w)
print(y.view(6, 4).stride(), y.view(4, 6).stride(), y.transpose(0, 1).reshape(6, 4).stride())
print(torch.reshape(torch.arange(4), (2, 2)), torch.arange(6).view(3, 2)[1])

# Shape ops: cat/concat (dims, promotion, the legacy empty-1-D exception), stack,
# split (size or list of sizes), chunk (uneven), unbind, narrow and select.
import torch

a = torch.arange(6).reshape(2, 3)
b = torch.arange(6, 12).reshape(2, 3)
print(torch.cat([a, b]), torch.cat((a, b), dim=1), torch.cat([a, b], -1).shape)
print(torch.concat([a, b], dim=0).shape, torch.cat([a]).shape)
print(torch.cat([a, b.float()]).dtype, torch.cat([torch.tensor([True]), torch.tensor([2], dtype=torch.uint8)]))
print(torch.cat([a, torch.tensor([])]).shape, torch.cat([a, torch.tensor([])]).dtype, torch.cat([torch.zeros(0, 3), a]).shape)
print(torch.stack([a, b]).shape, torch.stack([a, b], dim=1), torch.stack([a, b], -1).shape)
print(torch.stack([torch.tensor(1), torch.tensor(2)]))
x = torch.arange(10)
print(x.split(3))
print(torch.split(x, [2, 3, 5]))
print(a.split(1, dim=1))
print(x.chunk(3), torch.chunk(x, 4), torch.arange(5).chunk(3), torch.arange(6).chunk(4))
print(a.chunk(2, dim=1))
print(a.unbind(), torch.unbind(a, dim=1))
print(x.narrow(0, 2, 3), a.narrow(1, 1, 2), torch.narrow(a, -1, 0, 1))
print(a.select(1, 2), a.select(0, -1), torch.select(a, 0, 0))
s = x.split(4)[1]
s[0] = -1
n = a.narrow(1, 0, 1)
n[1, 0] = 100
u = a.unbind(1)[2]
u[0] = 55
print(x, a)
print(x.split(4)[2].storage_offset(), a.narrow(1, 1, 2).stride(), type(x.split(4)).__name__)

# Shape ops: transpose, swapaxes, permute, t, movedim: shapes, strides, contiguity,
# shared memory with the base, and the values they produce.
import torch

x = torch.arange(24).reshape(2, 3, 4)
print(x.transpose(0, 2).shape, x.transpose(-1, -2).shape, torch.transpose(x, 1, 0).stride())
print(x.swapaxes(0, 1).shape, torch.swapaxes(x, 2, 0).shape, x.swapdims(1, 2).shape)
p = x.permute(2, 0, 1)
print(p.shape, p.stride(), p.is_contiguous())
print(p)
print(x.permute((1, 2, 0)).shape, x.permute(-1, -3, -2).shape, torch.permute(x, (0, 2, 1)).shape)
m = torch.arange(6).reshape(2, 3)
print(m.t(), torch.t(m).stride(), torch.arange(3).t(), torch.tensor(1).t())
tt = m.t()
tt[0, 1] = 99
print(m)
print(x.movedim(0, -1).shape, x.movedim((0, 1), (2, 0)).shape, torch.movedim(x, 2, 0).shape)
print(x.movedim(1, 0)[1])
print(torch.moveaxis(x, 0, 1).shape)
print(x.transpose(0, 1).contiguous().stride(), x.transpose(1, 1).is_contiguous())
print(x.mT.shape, x.mT.is_contiguous(), m.T.shape)
print(x.permute(0, 1, 2).is_contiguous(), x.permute(1, 0, 2).transpose(0, 1).is_contiguous())

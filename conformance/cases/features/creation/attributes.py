# Creation: tensor attributes: shape, dim/ndim, numel, dtype, device, is_leaf,
# requires_grad, T, mT, stride, storage_offset, is_contiguous, element_size, nbytes.
import torch

x = torch.arange(24.0).reshape(2, 3, 4)
print(x.shape, x.dim(), x.ndim, x.numel(), x.nelement(), x.dtype, x.device)
print(x.stride(), x.stride(0), x.stride(-1), x.storage_offset(), x.is_contiguous())
print(x.element_size(), x.nbytes, x.itemsize)
print(x.is_leaf, x.requires_grad, x.grad_fn, x.grad, x.is_floating_point())
t = x.transpose(0, 2)
print(t.shape, t.stride(), t.is_contiguous(), t.contiguous().stride(), t.contiguous().is_contiguous())
s = x[1, 1:, 2:]
print(s.shape, s.stride(), s.storage_offset(), s.is_contiguous())
m = torch.arange(6).reshape(2, 3)
print(m.T)
print(m.T.stride(), m.mT.shape, x.mT.shape, x.mT.stride())
print(torch.tensor(5).shape, torch.tensor(5).dim(), torch.tensor(5).numel(), torch.tensor(5).stride())
for dt in [torch.float16, torch.float64, torch.int8, torch.int32, torch.uint8, torch.bool]:
    z = torch.zeros(3, dtype=dt)
    print(dt, z.element_size(), z.nbytes, z.is_floating_point())
print(x.device, x.to('cpu').device, x.cpu() is x, x.to('cpu') is x, x.is_cpu)
print(str(x.device), repr(x.device), x.device.type, x.device == torch.device('cpu'))
print(torch.device('cpu'), repr(torch.device('cpu')))
print(torch.zeros(2, 3)[:, 1].stride(), torch.zeros(2, 3)[:, 1].is_contiguous())
print(torch.zeros(3, 1).expand(3, 4).stride(), torch.zeros(3, 1).expand(3, 4).is_contiguous())
print(torch.zeros(4)[::2].stride(), torch.zeros(4)[1:].storage_offset())

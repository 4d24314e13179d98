# Creation: zeros_like/ones_like/full_like/empty_like keep shape and dtype (unless
# overridden); new_ones/new_zeros/new_tensor/new_full/new_empty take the source's dtype.
import torch

x = torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.int32)
print(torch.zeros_like(x))
print(torch.ones_like(x, dtype=torch.float64))
print(torch.full_like(x, 7))
print(torch.full_like(x, 2.9))
print(torch.full_like(x.float(), 2.9))
e = torch.empty_like(x)
print(e.shape, e.dtype)
f = torch.tensor([1.0, 2.0], requires_grad=True)
print(torch.zeros_like(f), torch.ones_like(f, requires_grad=True))
print(torch.zeros_like(torch.tensor(5.0)))

print(x.new_ones(2))
print(x.new_zeros((1, 2)))
print(x.new_full((2,), 9))
print(x.new_tensor([1.5, 2.5]))
print(x.new_tensor([1.5, 2.5], dtype=torch.float32))
print(f.new_tensor([3, 4]), f.new_tensor([3, 4]).requires_grad)
print(f.new_zeros(2, 2), f.new_ones(3, dtype=torch.bool))
print(f.new_full((1,), 4, requires_grad=True))
print(f.new_empty(3).shape, f.new_empty(3).dtype)
d = torch.zeros(1, dtype=torch.float64)
print(d.new_ones(2), d.new_tensor(1))

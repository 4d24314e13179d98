# Dtypes: get_default_dtype/set_default_dtype change inferred float dtypes, factory
# defaults, int/float promotion and which dtype the printer leaves out of the repr.
import torch

print(torch.get_default_dtype())
print(torch.tensor([1.5]), torch.zeros(1), torch.arange(2.0))
torch.set_default_dtype(torch.float64)
print(torch.get_default_dtype())
print(torch.tensor([1.5]), torch.tensor([1.5]).dtype)
print(torch.zeros(2), torch.ones(1).dtype, torch.arange(3.0).dtype, torch.linspace(0, 1, 3))
print(torch.tensor([1, 2]) * 0.5, (torch.tensor([1, 2]) / 2).dtype)
print(torch.tensor([1.0], dtype=torch.float32))
print(torch.rand(2).dtype, torch.randn(1).dtype, torch.full((1,), 2.0).dtype, torch.eye(1).dtype)
print(torch.Tensor([1]).dtype, torch.FloatTensor([1]).dtype, torch.tensor(3).dtype)
print(torch.finfo().bits)
print(torch.tensor([1.0], dtype=torch.float32) + 1.0, torch.tensor([1.0], dtype=torch.float32) + torch.tensor(1.0))
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype(), torch.tensor([1.5]))
print(torch.tensor([1, 2]) * 0.5)
try:
    torch.set_default_dtype(torch.int64)
except Exception as e:
    print(type(e).__name__, e)
torch.set_default_dtype(torch.float16)
print(torch.tensor([1.5]), torch.tensor([1]) / 2)
torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype())

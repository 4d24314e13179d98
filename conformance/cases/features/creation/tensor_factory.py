# Creation: torch.tensor infers dtype from Python data (bool < int < float), accepts
# nested lists/tuples, dtype= and requires_grad=, and copies its input.
import torch

for data in [1, 2.5, True, [1, 2], [1.0, 2], [True, False], [True, 2], [True, 2.5],
             [[1, 2], [3, 4]], ((1, 2), (3, 4)), [[1.5], [2.5]], [[]], [[[1]]], []]:
    t = torch.tensor(data)
    print(repr(data), '->', t.dtype, tuple(t.shape), t)

print(torch.tensor([1, 2], dtype=torch.float32))
print(torch.tensor([1.7, -1.7], dtype=torch.int64))
print(torch.tensor([0, 2, 0], dtype=torch.bool))
print(torch.tensor(3, dtype=torch.float64))
print(torch.tensor([300], dtype=torch.int64).to(torch.uint8))
a = torch.tensor([1.0, 2.0], requires_grad=True)
print(a, a.requires_grad, a.is_leaf, a.grad_fn)
b = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=False)
print(b.requires_grad)
# torch.tensor on a list of 0-dim tensors and a list mixing numbers and 0-dim tensors
print(torch.tensor([torch.tensor(1.0), torch.tensor(2.0)]))
print(torch.tensor([torch.tensor(1), 2]))
# a list of scalars is copied
data = [1.0, 2.0]
t = torch.tensor(data)
data[0] = 100.0
print(t)
print(torch.tensor(float('inf')), torch.tensor(-7))
print(torch.tensor([1e40]), torch.tensor([1e40], dtype=torch.float64))

# Dtypes: integer true division gives the default float dtype; floor division and
# remainder keep ints and follow Python's sign rules; bool arithmetic and bool sums.
import torch

a = torch.tensor([7, -7, 7, -7])
b = torch.tensor([2, 2, -2, -2])
print(a / b, (a / b).dtype)
print(a // b, (a // b).dtype)
print(a % b)
print(torch.div(a, b), torch.div(a, b, rounding_mode='floor'), torch.div(a, b, rounding_mode='trunc'))
print(torch.remainder(a, b), torch.fmod(a, b))
print(torch.tensor([7], dtype=torch.int32) / 2, torch.tensor([7], dtype=torch.int32) // 2)
print(torch.tensor([7], dtype=torch.uint8) / torch.tensor([2], dtype=torch.uint8))
f = torch.tensor([7.5, -7.5])
print(f // 2, f % 2, torch.fmod(f, 2), torch.div(f, 2, rounding_mode='trunc'))
print(torch.tensor([1, 2]) / torch.tensor([0, 0]), torch.tensor([-1.0, 0.0]) / 0)
print(torch.tensor([True, False]) / 2, torch.tensor([True, True]) + torch.tensor([True, False]))
t = torch.tensor([True, False, True])
print(t * t, t & t, t | ~t, t ^ t, t + 0, t.sum(), t.sum().dtype, t.float().mean())
print(t.int(), t.long() - 1, -t.long(), t * 1.0)
print(torch.tensor([True, True]).sum(), torch.tensor([True]).prod().dtype, t.cumsum(0))
print(torch.tensor([5]) // 0.5, torch.tensor([5]) % 1.5, 5 // torch.tensor([2]), 5 % torch.tensor([3]))
print(7.0 / torch.tensor([2]), 7 / torch.tensor([2]))

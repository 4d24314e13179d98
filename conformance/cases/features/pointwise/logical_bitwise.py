# Pointwise: logical_and/or/not/xor on bool, int and float tensors (always bool results),
# and the bitwise operators & | ^ ~ on ints and bools, with scalars and broadcasting.
import torch

p = torch.tensor([True, True, False, False])
q = torch.tensor([True, False, True, False])
print(torch.logical_and(p, q), torch.logical_or(p, q), torch.logical_xor(p, q), torch.logical_not(p))
print(p.logical_and(q), p.logical_or(q), p.logical_xor(q), q.logical_not())
f = torch.tensor([0.0, 1.5, -2.0, float('nan')])
i = torch.tensor([0, 3, 0, -1])
print(torch.logical_and(f, i), torch.logical_or(f, torch.tensor(0)), torch.logical_not(f), torch.logical_xor(i, torch.tensor([1])))
print(torch.logical_not(i), torch.logical_not(torch.tensor([0, 2], dtype=torch.uint8)))
print(p & q, p | q, p ^ q, ~p)
print(p & True, p | False, True ^ p)
a = torch.tensor([12, 10, -1, 0])
b = torch.tensor([10, 6, 5, 7])
print(a & b, a | b, a ^ b, ~a, a & 3, 6 | a, a ^ -1)
print(torch.bitwise_and(a, b), torch.bitwise_or(a, b), torch.bitwise_xor(a, b), torch.bitwise_not(a))
u = torch.tensor([0, 1, 255], dtype=torch.uint8)
print(~u, u & 15, u | torch.tensor([128], dtype=torch.uint8), ~torch.tensor([5], dtype=torch.int8))
print(torch.tensor([[True], [False]]) & torch.tensor([True, False]))
print((p & q).dtype, (a & b).dtype, (p & torch.tensor([1, 0, 1, 0])).dtype, (p | torch.tensor([1, 0, 1, 0])))
print(torch.tensor([1, 2, 3]) > 1 & (torch.tensor([1, 2, 3]) < 3))
print((torch.tensor([1, 2, 3]) > 1) & (torch.tensor([1, 2, 3]) < 3))

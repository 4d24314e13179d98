# Pointwise: eq/ne/lt/le/gt/ge as functions, methods and operators (with scalars,
# broadcasting, nan, mixed dtypes), isclose/allclose/equal, isnan/isinf/isfinite.
import torch

a = torch.tensor([1.0, 2.0, float('nan'), 4.0])
b = torch.tensor([1.0, 3.0, float('nan'), 3.0])
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(torch.eq(a, b), torch.ne(a, 2), torch.lt(a, 3), torch.le(a, 2), torch.gt(a, b), torch.ge(a, 2.0))
print(a.eq(b), a.ne(b), a.lt(b), a.le(b), a.gt(b), a.ge(b))
print(2 < a, 2.0 == a, torch.tensor([1, 2, 3]) == torch.tensor([1.0, 2.5, 3.0]))
print(torch.tensor([[1], [2]]) > torch.tensor([0, 1, 2]))
print(torch.tensor([True, False]) == 1, torch.tensor([1, 2], dtype=torch.uint8) < -1)
print(torch.tensor([0.1 + 0.2]) == 0.3, torch.tensor([0.1 + 0.2], dtype=torch.float64) == 0.3)
c = torch.tensor([1.0, 1.0001, 1.1, float('nan'), float('inf')])
d = torch.tensor([1.0, 1.0, 1.0, float('nan'), float('inf')])
print(torch.isclose(c, d), torch.isclose(c, d, equal_nan=True), torch.isclose(c, d, rtol=0.2), c.isclose(d, atol=0, rtol=0))
print(torch.allclose(c[:2], d[:2]), torch.allclose(c, d), torch.allclose(c, d, equal_nan=True, rtol=0.1))
print(torch.allclose(torch.tensor([1.0, 2.0]), torch.tensor([1.0, 2.0 + 1e-6])), torch.allclose(torch.tensor([1e-9]), torch.tensor([0.0])))
print(torch.equal(a, a), torch.equal(a[:2], b[:2]), torch.equal(torch.ones(2), torch.ones(2)), torch.equal(torch.ones(2), torch.ones(3)))
print(torch.equal(torch.tensor([1, 2]), torch.tensor([1.0, 2.0])), torch.ones(2).equal(torch.ones(1, 2)))
e = torch.tensor([1.0, float('inf'), -float('inf'), float('nan'), 0.0])
print(torch.isnan(e), torch.isinf(e), torch.isfinite(e), e.isnan().any(), e.isfinite().all())
print(torch.isnan(torch.tensor([1, 2])), torch.isinf(torch.tensor([1])), torch.isfinite(torch.tensor([True])))
print((a == b).dtype, (a > 1).sum(), torch.tensor(3) == 3, (torch.tensor(3) == 3).shape)

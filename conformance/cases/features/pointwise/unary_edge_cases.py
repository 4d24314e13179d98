# Pointwise: unary functions at domain boundaries and special values (0, -0., inf,
# nan, out of domain), round-half-to-even, and result dtypes for int and bool inputs.
import torch

s = torch.tensor([0.0, -0.0, float('inf'), -float('inf'), float('nan'), -1.0])
for name in ['log', 'log2', 'log1p', 'sqrt', 'rsqrt', 'reciprocal', 'exp', 'sign', 'abs',
             'tanh', 'sigmoid', 'atan', 'floor', 'frac', 'relu', 'erf', 'expm1', 'exp2']:
    print(name, getattr(torch, name)(s))
print(torch.asin(torch.tensor([2.0, -1.0, 1.0])), torch.acos(torch.tensor([1.5])), torch.acosh(torch.tensor([0.5, 1.0])))
print(torch.atanh(torch.tensor([1.0, -1.0, 2.0])), torch.logit(torch.tensor([0.0, 1.0, 2.0])))
print(torch.round(torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999])))
print(torch.round(torch.tensor([1.2345, 12.355]), decimals=2))
print(torch.floor(torch.tensor([-0.5])), torch.ceil(torch.tensor([-0.5])), torch.trunc(torch.tensor([-0.7])))
i = torch.tensor([-3, 0, 4])
for name in ['exp', 'sqrt', 'sin', 'sigmoid', 'log', 'reciprocal', 'rsqrt', 'erf', 'tanh']:
    r = getattr(torch, name)(i)
    print(name, r.dtype, r)
for name in ['abs', 'neg', 'sign', 'square', 'floor', 'ceil', 'round', 'trunc', 'relu']:
    r = getattr(torch, name)(i)
    print(name, r.dtype, r)
b = torch.tensor([True, False])
print(torch.exp(b), torch.sqrt(b), torch.sign(b), torch.square(b))
print(torch.tensor([1, 2], dtype=torch.int32).exp().dtype, torch.tensor([1], dtype=torch.uint8).sin().dtype)
print(torch.exp(torch.tensor([89.0, 88.0, -104.0])), torch.exp(torch.tensor([710.0], dtype=torch.float64)))
print(torch.sigmoid(torch.tensor([-89.0, 89.0])), torch.log1p(torch.tensor([1e-10])), torch.expm1(torch.tensor([1e-10])))

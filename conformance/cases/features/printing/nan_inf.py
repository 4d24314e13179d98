# Printing: nan, inf, -inf and -0. among finite values, in whole-number mode,
# fractional mode and scientific mode, for float32/float64/float16.
import torch

print(torch.tensor([float('nan'), 1.0, 2.0]))
print(torch.tensor([float('inf'), -float('inf'), 0.0]))
print(torch.tensor([float('nan'), float('inf'), 1.5]))
print(torch.tensor([float('nan'), 1e-5, 1.0]))
print(torch.tensor([float('inf'), 1e10]))
print(torch.tensor([float('nan')]))
print(torch.tensor(float('nan')))
print(torch.tensor(float('-inf')))
print(torch.tensor([-0.0, 0.0, 1.0]))
print(torch.tensor([-0.0, 0.5]))
print(torch.tensor([-0.0]))
print(torch.tensor([float('nan'), -0.0], dtype=torch.float64))
print(torch.tensor([float('inf'), 2.5], dtype=torch.float16))
print(torch.tensor([[float('nan'), 1.0], [float('-inf'), 123.25]]))
x = torch.tensor([1.0, -1.0, 0.0]) / 0
print(x)
print(torch.log(torch.tensor([0.0, 1.0, -1.0])))
print(torch.sqrt(torch.tensor([-4.0, 4.0])))

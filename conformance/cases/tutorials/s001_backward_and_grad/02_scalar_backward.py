# Source: seeds/001_e595907acf4f19b3.txt, snippet 2 of 6 (seed lines 29-33, "z = x**2+y; z.backward(); print(z, x.grad, y.grad)")
# Changes: added `import torch` (the tutorial never imports it).
import torch

x = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
z = x**2+y
z.backward()
print(z, x.grad, y.grad)

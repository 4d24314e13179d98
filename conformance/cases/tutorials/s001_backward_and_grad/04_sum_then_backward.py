# Source: seeds/001_e595907acf4f19b3.txt, snippet 4 of 6 (seed lines 72-75, "z.sum().backward(); print(x.grad)")
# Changes: added `import torch` (the tutorial never imports it).
import torch

x = torch.ones(2,requires_grad=True)
z = x + 2
z.sum().backward()
print(x.grad)

# Source: seeds/001_e595907acf4f19b3.txt, snippet 5 of 6 (seed lines 86-89, "z.backward(torch.ones_like(z))")
# Changes: added `import torch` (the tutorial never imports it).
import torch

x = torch.ones(2,requires_grad=True)
z = x + 2
z.backward(torch.ones_like(z)) # grad_tensors需要与输入tensor大小一致
print(x.grad)

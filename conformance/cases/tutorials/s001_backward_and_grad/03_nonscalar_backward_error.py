# Source: seeds/001_e595907acf4f19b3.txt, snippet 3 of 6 (seed lines 57-59, "z = x + 2; z.backward()" -> RuntimeError)
# Changes: added `import torch` (the tutorial never imports it). The tutorial shows this raising
#   "RuntimeError: grad can be implicitly created only for scalar outputs"; the error is left uncaught
#   so the runner compares it.
import torch

x = torch.ones(2,requires_grad=True)
z = x + 2
z.backward()

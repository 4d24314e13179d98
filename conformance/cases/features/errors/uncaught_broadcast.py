# Errors: an uncaught broadcasting RuntimeError ends the script; the output printed
# before it and the exception's type and message are compared.
import torch

a = torch.ones(2, 3)
b = torch.arange(4.0)
print(a.shape, b.shape)
c = a + b
print("not reached", c)

# Source: seeds/001_e595907acf4f19b3.txt, snippet 1 of 6 (seed lines 9-11, inline example "x = torch.rand(3, requires_grad=True); y = x**2; z = x + x")
# Changes: added `import torch` (the tutorial never imports it). The tutorial shows these three lines
#   without output and then describes the attributes data, requires_grad, grad, grad_fn and is_leaf
#   (seed lines 15-19, quoting y.grad_fn=<PowBackward0 ...> and z.grad_fn=<AddBackward0 ...>); the
#   prints after the marked line are added so the case checks those attributes. Only the leaf's
#   .grad is read (reading a non-leaf's .grad would warn, which the tutorial does not discuss here).
import torch

x = torch.rand(3, requires_grad=True)
y = x**2
z = x + x

# --- added: print the attributes the tutorial describes ---
print(x)
print(y)
print(z)
print(x.data, x.requires_grad, x.grad, x.grad_fn, x.is_leaf)
print(y.requires_grad, y.grad_fn, y.is_leaf)
print(z.requires_grad, z.grad_fn, z.is_leaf)

# Source: seeds/000_1e063e8cf6068f76.txt, snippet 2 of 4 (seed lines 28-35, "a = torch.rand(2,2) ... a.requires_grad_(True)")
# Changes: added `import torch` (the tutorial imports it once, in snippet 1). The typos in the first
#   comment ("requires_grad()", "requieres_grad") are the author's and are kept.
import torch
# 通过`requires_grad()`来用`in-place`的方式来改变`requieres_grad`属性
a = torch.rand(2,2)
a = ((a*3)/(a-1))
print(a.requires_grad) #False
a.requires_grad_(True)
print(a.requires_grad) #True
b = (a*a).sum()
print(b.grad_fn)

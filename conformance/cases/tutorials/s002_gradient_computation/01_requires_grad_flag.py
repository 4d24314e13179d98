# Source: seeds/002_18d2cb766a0b873f.txt, snippet 1 of 6 (seed lines 10-15, "x = torch.ones(2) ... x.requires_grad_(True)")
# Changes: added `import torch` (the tutorial never imports it). The trailing comments showing the
#   expected output are the author's and are kept.
import torch

x = torch.ones(2)  # # 缺失情况下默认 requires_grad = False
print(x, x.requires_grad)  # tensor([1., 1.]) False
x.requires_grad_(True)  # 通过.requires_grad_()用in-place的方式改变requires_grad属性
print(x, x.requires_grad)  # tensor([1., 1.], requires_grad=True) True
x = torch.ones(2, requires_grad=True)
print(x, x.requires_grad)  # tensor([1., 1.], requires_grad=True) True

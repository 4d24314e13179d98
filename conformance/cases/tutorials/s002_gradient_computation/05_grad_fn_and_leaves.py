# Source: seeds/002_18d2cb766a0b873f.txt, snippet 5 of 6 (seed lines 62-73, "print(x.grad_fn, y.grad_fn) ... print(x.is_leaf, y.is_leaf)")
# Changes: added `import torch` (the tutorial never imports it).
import torch

x = torch.ones(2)
print(x.grad_fn)  # None
y = x * 2
print(y)  # tensor([2., 2.])
print(x.grad_fn, y.grad_fn)  # None None
print('{} 设置requires_grad=True {}'.format('-'*15, '-'*15))
x = torch.ones(2, requires_grad=True)
print(x.grad_fn)  # None 直接创建的Tensor没有grad_fn，被称为叶子节点。
y = x * 2
print(x.is_leaf, y.is_leaf)  # True False
print(y)  # tensor([2., 2.], grad_fn=<MulBackward0>)
print(x.grad_fn, y.grad_fn)  # None <MulBackward0 object at 0x00000282A67BCF28>

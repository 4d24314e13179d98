# Source: seeds/000_1e063e8cf6068f76.txt, snippet 1 of 4 (seed lines 9-24, "x = torch.ones(2, 2, requires_grad=True) ... print(z, out)")
# Changes: none (the typo "Ytue" is in a comment and is kept as the author wrote it).
import torch
# 通过设置`requires_grad=Ytue`,使得操作通过链式法则进行梯度传播
x = torch.ones(2, 2, requires_grad=True)
print(x)
print(x.grad_fn)
# +的运算操作
y = x+2
print(y)
print(y.grad_fn)
print(x.is_leaf,y.is_leaf)
# 复杂一点的运算操作
z = y*y*2
print(z)
print(z.grad_fn)
out = z.mean()
print(z, out)

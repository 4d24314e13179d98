# Source: seeds/004_c9f8c3b77af3ce9f.txt, snippet 4 of 4 (seed lines 56-65, "4、通过设置retain_grad()保存中间变量的grad")
# Changes: none.
import torch
a = torch.tensor(1.0, requires_grad=True)
y = a ** 2
print(y.retains_grad)
y.retain_grad()
print(y.retains_grad)
z = y * 3
z.backward(retain_graph=True)
print(y.grad)
print(a.grad)

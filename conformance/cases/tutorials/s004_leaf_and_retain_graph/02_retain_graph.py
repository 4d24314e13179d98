# Source: seeds/004_c9f8c3b77af3ce9f.txt, snippet 2 of 4 (seed lines 28-35, "2、通过backward(retain_graph)保留计算图")
# Changes: none.
import torch
a = torch.tensor(1.0, requires_grad=True)
y = a ** 2
z = y * 3
y.backward(retain_graph=True)
print(a.grad)   # 2
z.backward(retain_graph=True)
print(a.grad)

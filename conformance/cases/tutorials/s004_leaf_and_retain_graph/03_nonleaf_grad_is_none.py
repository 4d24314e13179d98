# Source: seeds/004_c9f8c3b77af3ce9f.txt, snippet 3 of 4 (seed lines 42-48, "3、为了节约内存,中间变量的grad不会保存: print(y.grad)")
# Changes: none. Reading y.grad emits torch's UserWarning about the .grad of a non-leaf Tensor (the
#   tutorial shows it); the runner compares the warning.
import torch
a = torch.tensor(1.0, requires_grad=True)
y = a ** 2
z = y * 3
z.backward(retain_graph=True)
print(y.grad)
print(a.grad)

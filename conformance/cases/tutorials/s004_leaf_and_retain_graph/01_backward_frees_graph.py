# Source: seeds/004_c9f8c3b77af3ce9f.txt, snippet 1 of 4 (seed lines 13-20, "1、当backward()后销毁计算图: y.backward(); z.backward(retain_graph=True)")
# Changes: none. The tutorial shows z.backward(...) raising "RuntimeError: Trying to backward through
#   the graph a second time ..."; the error is left uncaught (the last print never runs).
import torch
a = torch.tensor(1.0, requires_grad=True)
y = a ** 2
z = y * 3
y.backward()
print(a.grad)   # 2
z.backward(retain_graph=True)
print(a.grad)

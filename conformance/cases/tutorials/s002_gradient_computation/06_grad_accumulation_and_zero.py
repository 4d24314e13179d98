# Source: seeds/002_18d2cb766a0b873f.txt, snippet 6 of 6 (seed lines 109-119, "梯度累加 ... x.grad.data.zero_()")
# Changes: added `import torch` (the tutorial never imports it).
import torch

x = torch.ones(2, requires_grad=True)
y = (x * x).sum()
y.backward()
print(x.grad)  # tensor([2., 2.])
y = (x * x).sum()
y.backward()
print(x.grad)  # tensor([4., 4.])；梯度累加
x.grad.data.zero_()  # 梯度清零
y = (x * x).sum()
y.backward()
print(x.grad)  # tensor([2., 2.])

# Source: seeds/002_18d2cb766a0b873f.txt, snippet 3 of 6 (seed lines 34-39, "with torch.no_grad(): y = (x * x).sum()")
# Changes: added `import torch` (the tutorial never imports it).
import torch

x = torch.ones(2, requires_grad=True)
y = (x * x).sum()
print(y, y.grad_fn)  # tensor(2., grad_fn=<SumBackward0>) <SumBackward0 object at 0x000001A08211D1D0>
with torch.no_grad():  # 中断梯度追踪
    y = (x * x).sum()
    print(y, y.grad_fn)  # tensor(2.) None

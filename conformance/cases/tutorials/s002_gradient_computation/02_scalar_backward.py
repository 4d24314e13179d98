# Source: seeds/002_18d2cb766a0b873f.txt, snippet 2 of 6 (seed lines 21-28, "y = (x * x).sum(); print(y.backward())")
# Changes: added `import torch` (the tutorial never imports it).
import torch

x = torch.ones(2, requires_grad=True)
y = x * x
print(y, y.grad_fn)  # tensor([1., 1.], grad_fn=<MulBackward0>) <MulBackward0 object at 0x000001521DC5BF60>
y = y.sum()
print(y, y.grad_fn)  # tensor(2., grad_fn=<SumBackward0>) <SumBackward0 object at 0x000001521DC5BF60>
print(x.grad)  # None
print(y.backward())  # None 等价于 y.backward(torch.tensor(1.))
print(x.grad)  # tensor([2., 2.])

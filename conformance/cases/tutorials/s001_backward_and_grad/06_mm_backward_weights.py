# Source: seeds/001_e595907acf4f19b3.txt, snippet 6 of 6 (seed lines 95-101, "z = torch.mm(x, y); z.backward(torch.Tensor([[1., 0]]), retain_graph=True)")
# Changes: added `import torch` (the tutorial never imports it). Kept as written although x is the
#   result of .view() and therefore not a leaf: under current torch x.grad is None and reading it
#   emits a UserWarning, whereas the blog shows "x.grad: tensor([[1., 3.]])" (see README).
import torch

x = torch.tensor([2., 1.], requires_grad=True).view(1, 2)
y = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)

z = torch.mm(x, y)
print(f"z:{z}")
z.backward(torch.Tensor([[1., 0]]), retain_graph=True)
print(f"x.grad: {x.grad}")
print(f"y.grad: {y.grad}")

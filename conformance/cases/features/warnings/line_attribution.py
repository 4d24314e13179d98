# Warnings: the reported line is the user's line that called torch, also when the call
# sits inside a helper function, a lambda, a comprehension or a class method.
import torch


def grad_of(t):
    return t.grad


class Model:
    def __init__(self):
        self.w = torch.tensor([1.0, -1.0], requires_grad=True)

    def forward(self, x):
        h = self.w * x
        return h, h.grad


x = torch.tensor([2.0, 3.0], requires_grad=True)
y = x * x
print(grad_of(y))
f = lambda t: torch.tensor(t)
print(f(torch.tensor([5.0])))
print([torch.add(torch.ones(2), i, out=torch.zeros(1)) for i in range(1)])
m = Model()
h, g = m.forward(x)
print(h, g)

# Errors: an uncaught second backward through a graph whose saved tensors were freed.
import torch

x = torch.tensor([0.5, -1.0], requires_grad=True)
loss = (x.tanh() * x).sum()
loss.backward()
print(x.grad)
loss.backward()
print("not reached")

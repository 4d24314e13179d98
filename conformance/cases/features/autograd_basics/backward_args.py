# Autograd basics: Tensor.backward(gradient, retain_graph, inputs) and
# torch.autograd.backward(tensors, grad_tensors, retain_graph, inputs) with several roots.
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, -1.0], requires_grad=True)
y = x * w
y.backward(torch.tensor([1.0, 0.5]))
print(x.grad, w.grad)
x.grad = w.grad = None
y = x * w
y.backward(gradient=torch.tensor([2.0, 2.0]), retain_graph=True)
y.backward(torch.ones(2), inputs=[x])
print(x.grad, w.grad)
x.grad = w.grad = None
(x * w).sum().backward(inputs=w)
print(x.grad, w.grad)
x.grad = w.grad = None
(x * w).sum().backward(torch.tensor(3.0))
print(x.grad, w.grad)
x.grad = w.grad = None
a = (x * x).sum()
b = (x * w).sum()
torch.autograd.backward([a, b])
print(x.grad, w.grad)
x.grad = w.grad = None
torch.autograd.backward([x * 2, w * 3], grad_tensors=[torch.ones(2), torch.tensor([1.0, 10.0])])
print(x.grad, w.grad)
x.grad = w.grad = None
torch.autograd.backward((x * w).sum(), inputs=[x])
print(x.grad, w.grad)
x.grad = w.grad = None
torch.autograd.backward([(x ** 2).sum(), x * w], [None, torch.ones(2)])
print(x.grad, w.grad)
x.grad = None
out = x.exp().sum()
torch.autograd.backward(out, retain_graph=True)
torch.autograd.backward(out)
print(x.grad)
s = torch.tensor(2.0, requires_grad=True)
(s * s).backward()
print(s.grad, s.grad.shape)
h = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
(h * 2).backward(torch.tensor([1.0, 1.0]))
print(h.grad, h.grad.dtype)

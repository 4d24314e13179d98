# Autograd basics: torch.autograd.grad with single and multiple outputs/inputs, inputs
# as a tuple, list or dict, grad_outputs, retain_graph, allow_unused, materialize_grads,
# is_grads_batched and only_inputs; grad() does not touch .grad.
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, -1.0], requires_grad=True)
u = torch.tensor([5.0], requires_grad=True)
g = torch.autograd.grad((x * w).sum(), x)
print(type(g).__name__, g, x.grad)
print(torch.autograd.grad((x * w).sum(), [x, w]))
print(torch.autograd.grad((x * w).sum(), (w,)))
print(torch.autograd.grad((x * w).sum(), {'x': x, 'w': w}))
print(torch.autograd.grad(x * w, x, grad_outputs=torch.tensor([1.0, 10.0])))
print(torch.autograd.grad([x.sum(), (w * x).sum()], [x]))
print(torch.autograd.grad([x * 2, w * 3], [x, w], grad_outputs=[torch.ones(2), torch.full((2,), 0.5)]))
print(torch.autograd.grad((x * w).sum(), [x, u], allow_unused=True))
print(torch.autograd.grad((x * w).sum(), [x, u], allow_unused=True, materialize_grads=True))
print(torch.autograd.grad((x * w).sum(), [u, x], materialize_grads=True))
print(torch.autograd.grad(x * 2, x, grad_outputs=torch.eye(2), is_grads_batched=True))
print(torch.autograd.grad(x * w, [x, w], grad_outputs=torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), is_grads_batched=True))
y = (x ** 2).sum()
print(torch.autograd.grad(y, x, retain_graph=True), torch.autograd.grad(y, x))
print(torch.autograd.grad((x * w).sum(), x, only_inputs=True))
print(x.grad, w.grad, u.grad)
s = torch.tensor(3.0, requires_grad=True)
print(torch.autograd.grad(s ** 3, s), torch.autograd.grad(s * 1, s)[0].shape)
print(torch.autograd.grad(torch.stack([s, s * s]).sum(), s, grad_outputs=torch.tensor(2.0)))
print(torch.autograd.grad(x.sum(), x, create_graph=False)[0].requires_grad)

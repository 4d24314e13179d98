# Custom Function: apply with Python numbers, strings and None among the arguments,
# needs_input_grad for each argument, None gradients for non-tensor inputs.
import torch


class ScaleShift(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, scale, shift, mode, extra):
        ctx.scale = scale
        ctx.mode = mode
        print('forward', type(scale).__name__, shift, mode, extra)
        out = x * scale + shift
        return out if mode == 'plain' else out.relu()

    @staticmethod
    def backward(ctx, grad):
        print('needs_input_grad', ctx.needs_input_grad)
        return grad * ctx.scale, None, None, None, None


x = torch.tensor([-1.0, 2.0], requires_grad=True)
y = ScaleShift.apply(x, 3, 0.5, 'plain', None)
y.sum().backward()
print(y, x.grad)
x.grad = None
t = torch.tensor(2.0, requires_grad=True)
z = ScaleShift.apply(x, 2.0, t, 'relu', [1, 2])
print(z, z.grad_fn.name())
z.sum().backward()
print(x.grad, t.grad)


class Pick(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, index):
        ctx.index = index
        ctx.n = x.shape[0]
        return x[index]

    @staticmethod
    def backward(ctx, grad):
        out = torch.zeros(ctx.n, dtype=grad.dtype)
        out[ctx.index] = grad
        return out, None


v = torch.tensor([10.0, 20.0, 30.0], requires_grad=True)
p = Pick.apply(v, 1)
print(p, p.shape)
(p * 5).backward()
print(v.grad)
n = ScaleShift.apply(torch.tensor([1.0]), 1, 0, 'plain', None)
print(n.requires_grad, n.grad_fn)

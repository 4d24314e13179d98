# Custom Function: static forward(ctx, ...)/backward(ctx, ...) with save_for_backward,
# apply, the grad_fn's repr and name, next_functions, and gradients through it.
import torch


class Exp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        result = x.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        print('Exp.backward got', grad_output)
        (result,) = ctx.saved_tensors
        return grad_output * result


x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
y = Exp.apply(x)
print(y)
print(y.grad_fn)
print(y.grad_fn.name(), type(y.grad_fn).__name__, y.is_leaf, y.requires_grad)
print(y.grad_fn.next_functions)
(y * 2).sum().backward()
print(x.grad)
with torch.no_grad():
    print(Exp.apply(x))
print(Exp.apply(torch.tensor([1.0])), Exp.apply(torch.tensor([1.0])).grad_fn)


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        x, = ctx.saved_tensors
        return 2 * x * g


w = torch.tensor([3.0], requires_grad=True)
z = Square.apply(Exp.apply(w))
print(z.grad_fn, z.grad_fn.next_functions[0][0])
z.backward()
print(w.grad)

# Autograd basics: gradients at ties and boundaries: max()/min()/amax split evenly over
# ties, max(dim) picks one index, maximum/minimum split ties, abs/relu/sign at 0, clamp
# at its bounds, where, sqrt at 0 and norm at 0.
import torch


def grad_of(fn, values, dtype=torch.float32):
    x = torch.tensor(values, dtype=dtype, requires_grad=True)
    fn(x).sum().backward()
    return x.grad


print('max()', grad_of(lambda x: x.max(), [1.0, 3.0, 3.0, 2.0]))
print('min()', grad_of(lambda x: x.min(), [1.0, 1.0, 1.0, 2.0]))
print('amax', grad_of(lambda x: x.amax(), [3.0, 3.0, 3.0, 0.0]))
print('amax dim', grad_of(lambda x: x.amax(1), [[2.0, 2.0], [1.0, 5.0]]))
print('max dim', grad_of(lambda x: x.max(1).values, [[2.0, 2.0], [1.0, 5.0]]))
print('min dim', grad_of(lambda x: x.min(0).values, [[2.0, 2.0], [2.0, 5.0]]))
print('maximum', grad_of(lambda x: torch.maximum(x, torch.tensor([1.0, 2.0, 3.0])), [1.0, 5.0, 0.0]))
y = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
x = torch.tensor([1.0, 5.0, 0.0], requires_grad=True)
torch.minimum(x, y).sum().backward()
print('minimum', x.grad, y.grad)
print('abs', grad_of(torch.abs, [-2.0, 0.0, -0.0, 3.0]))
print('relu', grad_of(torch.relu, [-1.0, 0.0, 2.0]))
print('sign', grad_of(torch.sign, [-1.0, 0.0, 2.0]))
print('clamp', grad_of(lambda x: x.clamp(0.0, 1.0), [-0.5, 0.0, 0.5, 1.0, 1.5]))
print('clamp min', grad_of(lambda x: x.clamp(min=0.0), [-1.0, 0.0, 1.0]))
print('clamp tensors', grad_of(lambda x: x.clamp(torch.zeros(3), torch.ones(3)), [0.0, 1.0, 2.0]))
print('where', grad_of(lambda x: torch.where(x > 0, x * 2, x * 3), [-1.0, 0.0, 1.0]))
print('sqrt', grad_of(torch.sqrt, [0.0, 4.0]))
print('norm', grad_of(torch.norm, [0.0, 0.0]))
print('norm', grad_of(torch.norm, [3.0, 4.0]))
print('norm dim', grad_of(lambda x: x.norm(dim=1), [[0.0, 0.0], [3.0, 4.0]]))
print('norm 1', grad_of(lambda x: x.norm(1), [0.0, -2.0, 3.0]))
print('pow 0', grad_of(lambda x: x ** 0.5, [0.0, 1.0]))
print('x**2 at 0', grad_of(lambda x: x ** 2, [0.0, -1.0]))
print('log 0', grad_of(torch.log, [0.0, 1.0]))
print('floor', grad_of(torch.floor, [0.5, 1.0]))
print('round', grad_of(torch.round, [0.5, 1.0]))
print('sort', grad_of(lambda x: x.sort().values * torch.tensor([1.0, 2.0, 3.0]), [2.0, 2.0, 1.0]))
print('topk', grad_of(lambda x: x.topk(2).values, [1.0, 3.0, 3.0, 0.0]))
print('max tie float64', grad_of(lambda x: x.max(), [7.0, 7.0, 7.0], torch.float64))
print('logsumexp', grad_of(lambda x: x.logsumexp(0), [0.0, 0.0]))
print('softmax', grad_of(lambda x: x.softmax(0)[0], [1.0, 1.0]))

# Hooks: grad_fn.register_prehook(fn(grad_outputs)) and grad_fn.register_hook(fn(grad_inputs,
# grad_outputs)): what they receive (tuples, None for inputs without grad), replacements, remove().
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, 4.0], requires_grad=True)
c = torch.tensor([5.0, 6.0])
y = x * w
node = y.grad_fn


def pre(grad_outputs):
    print('prehook', type(grad_outputs).__name__, grad_outputs)


def post(grad_inputs, grad_outputs):
    print('hook in', grad_inputs, 'out', grad_outputs)


hp = node.register_prehook(pre)
hh = node.register_hook(post)
print(type(hp).__name__)
y.sum().backward()
print(x.grad, w.grad)
x.grad = w.grad = None
z = x * c
z.grad_fn.register_hook(post)
z.sum().backward()
x.grad = None
q = x * w
q.grad_fn.register_prehook(lambda go: (go[0] * 100,))
q.sum().backward()
print(x.grad, w.grad)
x.grad = w.grad = None
r = x * w
r.grad_fn.register_hook(lambda gi, go: (gi[0], torch.zeros_like(gi[1])))
r.sum().backward()
print(x.grad, w.grad)
x.grad = w.grad = None
s = x.exp()
hs = s.grad_fn.register_prehook(lambda go: print('never printed'))
hs.remove()
s.sum().backward()
print(x.grad)
x.grad = None
t = (x * 2).sum()
t.grad_fn.register_hook(lambda gi, go: print('sum hook', gi, go))
t.grad_fn.register_prehook(lambda go: print('sum prehook', go))
t.backward()
acc = (x * 1).grad_fn.next_functions[0][0]
acc.register_prehook(lambda go: print('AccumulateGrad prehook', go))
acc.register_hook(lambda gi, go: print('AccumulateGrad hook', gi, go))
(x * 7).sum().backward()
print(x.grad)

# Hooks: register_post_accumulate_grad_hook on leaves runs after .grad is written and
# receives the tensor itself (used here for an in-hook SGD step); errors on non-leaves.
import torch

p = torch.tensor([1.0, 2.0], requires_grad=True)


def after(t):
    print('post-accumulate', t is p, t.grad)


h = p.register_post_accumulate_grad_hook(after)
p.register_hook(lambda g: print('tensor hook', g))
(p * p).sum().backward()
(p * 3).sum().backward()
h.remove()
(p * 1).sum().backward()
print(p.grad)

w = torch.tensor([0.5, -0.5], requires_grad=True)


def sgd_step(t):
    with torch.no_grad():
        t -= 0.1 * t.grad
    t.grad = None


w.register_post_accumulate_grad_hook(sgd_step)
for step in range(3):
    loss = ((w - torch.tensor([1.0, 1.0])) ** 2).sum()
    loss.backward()
    print(step, w, w.grad)
try:
    (w * 2).register_post_accumulate_grad_hook(after)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    torch.ones(2).register_post_accumulate_grad_hook(after)
except RuntimeError as e:
    print(type(e).__name__, e)

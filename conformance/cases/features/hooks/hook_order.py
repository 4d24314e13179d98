# Hooks: the order in which tensor hooks, node prehooks, node hooks, retain_grad and
# post-accumulate hooks fire across a branching graph (newer branches run first).
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
x.register_hook(lambda g: print('x tensor hook', g))
x.register_post_accumulate_grad_hook(lambda t: print('x post-accumulate', t.grad))
a = x * 2
a.register_hook(lambda g: print('a tensor hook 1', g))
a.grad_fn.register_prehook(lambda go: print('a node prehook', go))
a.grad_fn.register_hook(lambda gi, go: print('a node hook', gi))
a.register_hook(lambda g: print('a tensor hook 2', g))
b = x.exp()
b.register_hook(lambda g: print('b tensor hook', g))
b.grad_fn.register_hook(lambda gi, go: print('b node hook', gi))
c = a.sin()
c.register_hook(lambda g: print('c tensor hook', g))
d = b + c
d.register_hook(lambda g: print('d tensor hook', g))
d.grad_fn.register_prehook(lambda go: print('d node prehook', go))
d.grad_fn.register_hook(lambda gi, go: print('d node hook', gi))
e = a * 3
e.register_hook(lambda g: print('e tensor hook', g))
loss = d.sum() + e.sum()
loss.register_hook(lambda g: print('loss tensor hook', g))
loss.backward()
print('x.grad', x.grad)
print('--- second graph: independent branches')
p = torch.tensor([1.0], requires_grad=True)
q = torch.tensor([2.0], requires_grad=True)
p.register_hook(lambda g: print('p hook'))
q.register_hook(lambda g: print('q hook'))
u = p * 2
v = q * 2
u.register_hook(lambda g: print('u hook (older branch)'))
v.register_hook(lambda g: print('v hook (newer branch)'))
(u + v).sum().backward()
print('--- third graph: the same branches created in the other order')
v = q * 2
u = p * 2
u.register_hook(lambda g: print('u hook (newer branch)'))
v.register_hook(lambda g: print('v hook (older branch)'))
(u + v).sum().backward()

# Graph: node identity and reprs: grad_fn is the same object on every access, name(),
# metadata dict, AccumulateGrad reuse for one leaf, shared nodes of multi-output ops.
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
print(y.grad_fn is y.grad_fn, y.grad_fn == y.grad_fn, repr(y.grad_fn), str(y.grad_fn))
print(y.grad_fn.name(), type(y.grad_fn).__name__)
md = y.grad_fn.metadata
print(type(md).__name__, md)
md['tag'] = 'scaled'
print(y.grad_fn.metadata)
z = y + 1
print(z.grad_fn.metadata, z.grad_fn.next_functions[0][0].metadata)
a1 = (x * 1).grad_fn.next_functions[0][0]
a2 = (x * 3).grad_fn.next_functions[0][0]
print(a1 is a2, a1.metadata)
print(isinstance(y.grad_fn, torch.autograd.graph.Node), isinstance(a1, torch.autograd.graph.Node))
print(y.grad_fn.__class__.__name__, y.grad_fn.next_functions[0][1])
u1, u2 = x.unbind()
print(u1.grad_fn is u2.grad_fn, u1.grad_fn.name())

# Graph: the _saved_* attributes of common nodes (tensors, scalars, dims, sizes), and the
# error when reading a saved tensor after backward freed it.
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
m = x * w
print(m.grad_fn._saved_self, m.grad_fn._saved_other)
print(m.grad_fn._saved_self is x, m.grad_fn._saved_self.equal(x))
k = x * 2
print(k.grad_fn._saved_other, k.grad_fn._saved_self)
p = x ** 3
print(p.grad_fn._saved_exponent, type(p.grad_fn._saved_exponent).__name__, p.grad_fn._saved_self)
q = x ** w
print(q.grad_fn._saved_exponent, q.grad_fn._saved_result)
e = x.exp()
print(e.grad_fn._saved_result, e.grad_fn._saved_result.equal(e))
s = x.sum()
print(s.grad_fn._saved_self_sym_sizes, type(s.grad_fn._saved_self_sym_sizes).__name__)
s1 = x.view(3, 1).sum(0, keepdim=True)
print(s1.grad_fn._saved_dim, s1.grad_fn._saved_keepdim, s1.grad_fn._saved_self_sym_sizes)
mean = x.mean()
print(mean.grad_fn._saved_self_sym_numel, mean.grad_fn._saved_self_sym_sizes)
sl = x[1:3]
print(sl.grad_fn._saved_dim, sl.grad_fn._saved_start, sl.grad_fn._saved_end, sl.grad_fn._saved_step)
se = x[2]
print(se.grad_fn._saved_dim, se.grad_fn._saved_index, se.grad_fn._saved_self_sym_sizes)
print(x.unsqueeze(1).grad_fn._saved_dim, x.expand(2, 3).grad_fn._saved_self_sym_sizes)
print(x.view(1, 3).permute(1, 0).grad_fn._saved_dims, x.view(3, 1).transpose(0, 1).grad_fn._saved_dim0)
c = x.clamp(0.5, 2.5)
print(c.grad_fn._saved_min, c.grad_fn._saved_max, x.clamp(min=1).grad_fn._saved_max)
mx = x.max(0)
print(mx.values.grad_fn._saved_dim, mx.values.grad_fn._saved_keepdim, mx.values.grad_fn._saved_indices)
print(x.softmax(0).grad_fn._saved_dim, torch.cat([x, w]).grad_fn._saved_dim)
print(x.sigmoid().grad_fn._saved_result, x.relu().grad_fn._saved_result)
mm = x.view(1, 3).mm(w.view(3, 1))
print(mm.grad_fn._saved_self, mm.grad_fn._saved_mat2, mm.grad_fn._saved_self_sym_sizes)
y = (x * w).sum()
node = y.grad_fn.next_functions[0][0]
y.backward()
try:
    node._saved_self
except RuntimeError as err:
    print(type(err).__name__, err)

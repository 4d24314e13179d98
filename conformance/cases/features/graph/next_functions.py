# Graph: next_functions are tuples of (node, input_nr): AccumulateGrad (with .variable)
# for leaves, None for inputs that do not require grad; the whole graph printed as a tree.
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, 4.0], requires_grad=True)
c = torch.tensor([5.0, 6.0])
y = (x * w + c).exp().sum()
print(y.grad_fn)
print(y.grad_fn.next_functions)
exp_node = y.grad_fn.next_functions[0][0]
print(exp_node.name(), exp_node.next_functions)
add_node = exp_node.next_functions[0][0]
print(add_node.name(), len(add_node.next_functions), add_node.next_functions[1])
mul_node = add_node.next_functions[0][0]
acc_x, nr = mul_node.next_functions[0]
print(type(acc_x).__name__, acc_x.name(), nr, acc_x.variable is x, acc_x.next_functions)
print(mul_node.next_functions[1][0].variable is w)
print(x.grad_fn is None, (x * 1).grad_fn.next_functions[0][0] is acc_x)


def tree(node, depth=0):
    if node is None:
        print('  ' * depth + 'None')
        return
    extra = f' var={tuple(node.variable.shape)}' if hasattr(node, 'variable') else ''
    print('  ' * depth + node.name() + extra)
    for child, nr in node.next_functions:
        tree(child, depth + 1)


a = torch.ones(2, 2, requires_grad=True)
b = torch.ones(2, requires_grad=True)
out = ((a @ b).relu() * 2 + a[0].sum() - torch.ones(2)).mean()
tree(out.grad_fn)
s1, s2 = a.unbind(0)
z = s1 * s2
print(z.grad_fn.next_functions)
print([nr for _, nr in z.grad_fn.next_functions])
m = torch.cat([x, w, c])
print(m.grad_fn.next_functions)
q = torch.stack([x, c])
print(q.grad_fn.next_functions)
p = x.max(0)
print(p.values.grad_fn is p.indices.grad_fn, p.indices.grad_fn, p.values.grad_fn.name())

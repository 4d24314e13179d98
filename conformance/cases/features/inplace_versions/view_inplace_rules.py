# In-place and versions: rules for in-place ops on views: views of leaves, views created
# under no_grad then modified with grad enabled, outputs of multi-view ops (unbind,
# split, chunk), detached views, and views that share memory exactly as torch's do.
import torch


def attempt(label, fn):
    try:
        r = fn()
        print(label, 'ok', r)
    except RuntimeError as e:
        print(label, '->', e)


leaf = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
attempt('view of leaf', lambda: leaf[0:2].add_(1))
attempt('view of leaf via view()', lambda: leaf.view(3, 1).mul_(2))
with torch.no_grad():
    nv = leaf[:2]
attempt('no_grad view modified with grad', lambda: nv.add_(1))
with torch.no_grad():
    nv.add_(1)
print(leaf)
y = leaf * 1
parts = y.unbind(0)
attempt('unbind output', lambda: parts[0].add_(1))
s = y.split(1)
attempt('split output', lambda: s[1].mul_(2))
c = y.chunk(3)
attempt('chunk output', lambda: c[2].zero_())
dv = y.detach()[:2]
attempt('detached view', lambda: dv.add_(100))
print(y)
base = torch.zeros(2, 3)
views = {
    'view': base.view(6), 'reshape': base.reshape(3, 2), 't': base.t(), 'transpose': base.transpose(0, 1),
    'permute': base.permute(1, 0), 'expand': base[0].expand(2, 3), 'squeeze': base.unsqueeze(0).squeeze(0),
    'unsqueeze': base.unsqueeze(1), 'slice': base[:, 1:], 'select': base[1], 'narrow': base.narrow(1, 0, 2),
    'diagonal': base.diagonal(), 'detach': base.detach(), 'data': base.data, 'split': base.split(1)[1],
    'unbind': base.unbind(1)[2], 'flatten': base.flatten(), 'view_as': base.view_as(torch.zeros(3, 2)),
    'movedim': base.movedim(0, 1), 'T': base.T, 'unflatten': base.unflatten(1, (3, 1)), 'chunk': base.chunk(3, 1)[0],
    'reshape of t (copy)': base.t().reshape(6), 'flatten of t (copy)': base.t().flatten(),
    'index list (copy)': base[[0, 1]], 'mask (copy)': base[base == 0], 'clone (copy)': base.clone(),
    'contiguous of t (copy)': base.t().contiguous(), 'repeat (copy)': base.repeat(1, 1), 'flip (copy)': base.flip(0),
}
for name, t in views.items():
    before = base.clone()
    t.add_(1) if name != 'expand' else t.__setitem__((0, 0), 1.0)
    print(f'{name:24s} shares memory: {not torch.equal(before, base)}')
    base.zero_()

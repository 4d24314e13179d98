# Graph: the grad_fn class name recorded by each op (torch numbers overloads: SumBackward0
# vs SumBackward1, PowBackward0/1/2, MaxBackward0/1, SqueezeBackward0/1, ...).
import torch

x = torch.ones(2, 3, requires_grad=True)
v = torch.ones(3, requires_grad=True)
c = torch.ones(3)
idx = torch.tensor([[0], [1]])
ops = [
    ('x + x', lambda: x + x), ('x + 1', lambda: x + 1), ('1 + x', lambda: 1 + x),
    ('x.add(x, alpha=2)', lambda: x.add(x, alpha=2)), ('x - x', lambda: x - x), ('x - 1', lambda: x - 1),
    ('1 - x', lambda: 1 - x), ('x * x', lambda: x * x), ('x * 2', lambda: x * 2), ('x / x', lambda: x / x),
    ('x / 2', lambda: x / 2), ('2 / x', lambda: 2 / x), ('x ** 2', lambda: x ** 2), ('x ** x', lambda: x ** x),
    ('2 ** x', lambda: 2 ** x), ('c ** v', lambda: c ** v), ('-x', lambda: -x), ('exp', lambda: x.exp()),
    ('log', lambda: x.log()), ('sum()', lambda: x.sum()), ('sum(0)', lambda: x.sum(0)), ('mean()', lambda: x.mean()),
    ('mean(0)', lambda: x.mean(0)), ('mm', lambda: x.mm(x.t())), ('2d @ 2d', lambda: x @ x.t()), ('1d @ 1d', lambda: v @ v),
    ('2d @ 1d', lambda: x @ v), ('3d @ 2d', lambda: x.unsqueeze(0) @ x.t()), ('view', lambda: x.view(6)),
    ('reshape', lambda: x.reshape(6)), ('reshape copy', lambda: x.t().reshape(6)), ('flatten', lambda: x.flatten()),
    ('permute', lambda: x.permute(1, 0)), ('t', lambda: x.t()), ('transpose', lambda: x.transpose(0, 1)),
    ('T', lambda: x.T), ('mT', lambda: x.mT), ('expand', lambda: v.expand(2, 3)), ('x[:, 1:]', lambda: x[:, 1:]),
    ('x[0]', lambda: x[0]), ('x[[0, 1]]', lambda: x[[0, 1]]), ('x[x > 0]', lambda: x[x > 0]),
    ('unsqueeze', lambda: x.unsqueeze(0)), ('squeeze()', lambda: x.unsqueeze(0).squeeze()),
    ('squeeze(0)', lambda: x.unsqueeze(0).squeeze(0)), ('clone', lambda: x.clone()),
    ('as_strided', lambda: x.as_strided((2,), (1,))), ('cat', lambda: torch.cat([x, x])),
    ('stack', lambda: torch.stack([x, x])), ('max()', lambda: x.max()), ('max(0)', lambda: x.max(0).values),
    ('amax', lambda: x.amax()), ('min()', lambda: x.min()), ('maximum', lambda: torch.maximum(x, x)),
    ('relu', lambda: x.relu()), ('sigmoid', lambda: x.sigmoid()), ('tanh', lambda: x.tanh()),
    ('softmax', lambda: x.softmax(0)), ('log_softmax', lambda: x.log_softmax(0)), ('abs', lambda: x.abs()),
    ('sqrt', lambda: x.sqrt()), ('clamp', lambda: x.clamp(0, 1)), ('clamp(min=)', lambda: x.clamp(min=0)),
    ('where', lambda: torch.where(x > 0, x, 0.0)), ('norm', lambda: x.norm()), ('std', lambda: x.std()),
    ('var', lambda: x.var()), ('logsumexp', lambda: x.logsumexp(0)), ('cumsum', lambda: x.cumsum(0)),
    ('prod', lambda: x.prod()), ('double()', lambda: x.double()), ('float()', lambda: x.float()),
    ('split', lambda: x.split(1)[0]), ('chunk', lambda: x.chunk(2, 1)[0]), ('unbind', lambda: x.unbind()[0]),
    ('narrow', lambda: x.narrow(1, 0, 2)), ('gather', lambda: x.gather(1, idx)),
    ('index_select', lambda: x.index_select(0, torch.tensor([0]))), ('masked_fill', lambda: x.masked_fill(x > 0, 0.0)),
    ('flip', lambda: x.flip(0)), ('roll', lambda: x.roll(1)), ('diag', lambda: v.diag()), ('diagonal', lambda: x.diagonal()),
    ('trace', lambda: x[:, :2].trace()), ('tril', lambda: x.tril()), ('einsum', lambda: torch.einsum('ij->j', x)),
    ('dot', lambda: v.dot(v)), ('outer', lambda: torch.outer(v, v)), ('bmm', lambda: torch.bmm(x.unsqueeze(0), x.t().unsqueeze(0))),
    ('mv', lambda: x.mv(v)), ('repeat', lambda: x.repeat(2, 1)), ('lerp', lambda: torch.lerp(x, x, 0.5)),
    ('atan2', lambda: torch.atan2(x, x)), ('sin', lambda: x.sin()), ('square', lambda: x.square()),
    ('rsqrt', lambda: x.rsqrt()), ('reciprocal', lambda: x.reciprocal()), ('erf', lambda: x.erf()),
    ('contiguous', lambda: x.t().contiguous()), ('movedim', lambda: x.movedim(0, 1)),
    ('scatter', lambda: x.scatter(1, idx, 0.0)), ('cross', lambda: torch.cross(x, x, dim=1)),
    ('sort', lambda: x.sort().values), ('topk', lambda: x.topk(1).values), ('cumprod', lambda: x.cumprod(1)),
    ('unflatten', lambda: v.unflatten(0, (3, 1))), ('tile', lambda: x.tile((2,))), ('broadcast_to', lambda: v.broadcast_to((2, 3))),
    ('expand_as', lambda: v.expand_as(x)), ('view_as', lambda: x.view_as(x)), ('swapaxes', lambda: x.swapaxes(0, 1)),
    ('remainder', lambda: x % 2), ('fmod', lambda: torch.fmod(x, 2)), ('floor', lambda: x.floor()), ('frac', lambda: x.frac()),
    ('logit', lambda: x.logit()), ('log1p', lambda: x.log1p()), ('expm1', lambda: x.expm1()), ('exp2', lambda: x.exp2()),
    ('sign', lambda: x.sign()), ('amin', lambda: x.amin(0)), ('neg', lambda: x.neg()), ('pow(v, 3)', lambda: torch.pow(v, 3)),
    ('sub alpha', lambda: torch.sub(x, x, alpha=2)), ('div floor', lambda: x.div(2, rounding_mode='floor')),
]
for label, fn in ops:
    r = fn()
    print(f"{label:18s} {type(r.grad_fn).__name__:28s} {r.grad_fn.name() if r.grad_fn is not None else None}")

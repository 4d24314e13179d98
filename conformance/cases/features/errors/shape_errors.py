# Errors: shape mismatches: broadcasting, mm/matmul/bmm/mv/dot, view with a bad size,
# view of non-contiguous memory, reshape/expand/cat/stack mismatches; type and exact message.
import torch


def attempt(label, fn):
    try:
        fn()
        print(label, 'no error')
    except Exception as e:
        print(label, type(e).__name__, e)


a = torch.ones(2, 3)
attempt('add', lambda: a + torch.ones(4))
attempt('mul', lambda: torch.ones(2, 3) * torch.ones(3, 2))
attempt('add_', lambda: torch.ones(3).add_(torch.ones(2, 3)))
attempt('where', lambda: torch.where(torch.ones(2, dtype=torch.bool), torch.ones(3), 0.0))
attempt('mm', lambda: torch.mm(a, a))
attempt('mm 1d', lambda: torch.mm(torch.ones(3), a))
attempt('matmul 2d', lambda: a @ a)
attempt('matmul 1d', lambda: torch.ones(2) @ torch.ones(3))
attempt('matmul 2d1d', lambda: a @ torch.ones(2))
attempt('matmul batch', lambda: torch.ones(2, 2, 3) @ torch.ones(3, 3, 4))
attempt('matmul 0d', lambda: torch.tensor(1.0) @ torch.ones(1))
attempt('bmm', lambda: torch.bmm(torch.ones(2, 2, 3), torch.ones(2, 2, 3)))
attempt('bmm 2d', lambda: torch.bmm(a, a.t()))
attempt('mv', lambda: torch.mv(a, torch.ones(2)))
attempt('dot', lambda: torch.dot(torch.ones(2), torch.ones(3)))
attempt('dot 2d', lambda: torch.dot(a, a))
attempt('dot dtype', lambda: torch.dot(torch.ones(2), torch.ones(2, dtype=torch.float64)))
attempt('mm dtype', lambda: torch.mm(a, torch.ones(3, 2, dtype=torch.float64)))
attempt('view', lambda: a.view(4))
attempt('view -1', lambda: a.view(-1, 4))
attempt('view two -1', lambda: a.view(-1, -1))
attempt('view noncontig', lambda: a.t().view(6))
attempt('reshape', lambda: a.reshape(5))
attempt('expand', lambda: a.expand(4, 3, 2))
attempt('expand fewer', lambda: a.expand(3))
attempt('cat', lambda: torch.cat([a, torch.ones(2, 2)]))
attempt('cat 0-dim', lambda: torch.cat([torch.tensor(1.0), torch.tensor(2.0)]))
attempt('cat empty list', lambda: torch.cat([]))
attempt('stack', lambda: torch.stack([a, torch.ones(3, 2)]))
attempt('unflatten', lambda: a.unflatten(1, (2, 2)))
attempt('split', lambda: torch.arange(5).split([2, 2]))
attempt('cross', lambda: torch.cross(torch.ones(2), torch.ones(2), dim=0))
attempt('masked_fill', lambda: a.masked_fill(torch.ones(3, 2, dtype=torch.bool), 0))
attempt('repeat', lambda: a.repeat(2))
attempt('flatten', lambda: a.flatten(1, 0))

# Errors: indices out of range (getitem, setitem, select, index_select, gather, narrow),
# bad dims for reductions and shape ops, bad masks, negative steps, too many indices.
import torch


def attempt(label, fn):
    try:
        fn()
        print(label, 'no error')
    except Exception as e:
        print(label, type(e).__name__, e)


x = torch.arange(12.0).reshape(3, 4)
attempt('getitem int', lambda: x[3])
attempt('getitem neg', lambda: x[-4])
attempt('getitem 2nd dim', lambda: x[0, 4])
attempt('getitem 1d', lambda: torch.arange(5)[5])
attempt('getitem list', lambda: x[[0, 5]])
attempt('getitem tensor', lambda: x[torch.tensor([1, 3])])
attempt('getitem too many', lambda: x[0, 0, 0])
attempt('getitem 0-dim', lambda: torch.tensor(1.0)[0])
attempt('getitem float', lambda: x[1.5])
attempt('getitem float tensor', lambda: x[torch.tensor([0.0, 1.0])])
attempt('getitem mask shape', lambda: x[torch.tensor([True, False])])
attempt('getitem step', lambda: x[::-1])
attempt('getitem step 0', lambda: x[::0])
attempt('setitem', lambda: x.__setitem__(5, 1.0))
attempt('setitem shape', lambda: x.__setitem__(0, torch.ones(3)))
attempt('select', lambda: x.select(1, 4))
attempt('index_select', lambda: x.index_select(0, torch.tensor([3])))
attempt('index_select float', lambda: x.index_select(0, torch.tensor([0.0])))
attempt('gather', lambda: x.gather(1, torch.tensor([[4]])))
attempt('narrow', lambda: x.narrow(0, 2, 2))
attempt('sum dim', lambda: x.sum(2))
attempt('sum neg dim', lambda: x.sum(-3))
attempt('mean dim', lambda: x.mean((0, 2)))
attempt('max dim', lambda: x.max(5))
attempt('argmax dim', lambda: x.argmax(2))
attempt('softmax dim', lambda: x.softmax(2))
attempt('transpose', lambda: x.transpose(0, 2))
attempt('permute', lambda: x.permute(0, 0))
attempt('permute count', lambda: x.permute(0))
attempt('unsqueeze', lambda: x.unsqueeze(3))
attempt('squeeze', lambda: x.squeeze(2))
attempt('cat dim', lambda: torch.cat([x, x], 2))
attempt('stack dim', lambda: torch.stack([x, x], 4))
attempt('flip dim', lambda: x.flip(2))
attempt('size dim', lambda: x.size(2))
attempt('cumsum dim', lambda: x.cumsum(2))
attempt('topk k', lambda: x.topk(5))
attempt('sum dup dims', lambda: x.sum((0, 0)))
attempt('0-dim dim', lambda: torch.tensor(1.0).sum(1))
attempt('randperm neg', lambda: torch.randperm(-1))

# Shape ops: index_select, gather, scatter (tensor src and scalar value), scatter_add,
# masked_fill (number or 0-dim tensor) and masked_select, with broadcasting masks.
import torch

x = torch.arange(12.0).reshape(3, 4)
print(x.index_select(0, torch.tensor([2, 0])), torch.index_select(x, 1, torch.tensor([3, 3, 1])))
idx = torch.tensor([[0, 1], [3, 2], [1, 1]])
print(x.gather(1, idx), torch.gather(x, 0, torch.tensor([[2, 1, 0, 2]])))
print(torch.gather(x, 1, torch.tensor([[0], [1], [2]])))
z = torch.zeros(3, 5)
print(z.scatter(1, torch.tensor([[0, 4], [1, 3], [2, 2]]), torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])))
print(z.scatter(0, torch.tensor([[2, 0, 1, 2, 0]]), 7.5))
print(torch.scatter(torch.zeros(4, dtype=torch.int64), 0, torch.tensor([1, 3]), torch.tensor([10, 30])))
print(torch.zeros(5).scatter_add(0, torch.tensor([0, 1, 0, 4, 0]), torch.tensor([1.0, 2.0, 3.0, 4.0, 5.0])))
print(torch.zeros(2, 3).scatter_add(1, torch.tensor([[0, 0], [2, 1]]), torch.ones(2, 2)))
print(torch.zeros(2, 4).scatter(1, torch.tensor([[1], [3]]), torch.arange(1.0, 9.0).reshape(2, 4)))
m = torch.tensor([[True, False, True, False]])
print(x.masked_fill(m, -1.0), x.masked_fill(x > 8, torch.tensor(0.5)))
print(torch.masked_fill(torch.arange(4), torch.tensor([True, False, False, True]), 9))
print(x.masked_select(x > 6), torch.masked_select(x, m), x.masked_select(torch.tensor(True)).shape)
print(torch.arange(5).masked_fill(torch.tensor(False), 0))
print(x.masked_fill(torch.tensor([False, True, False]).unsqueeze(1), 0))
print(x)

# Creation: the legacy torch.Tensor(...) and FloatTensor/DoubleTensor/LongTensor
# constructors: from data (dtype forced), from sizes (values uninitialised: not printed).
import torch

print(torch.Tensor([1, 2, 3]))
print(torch.Tensor([[1.5, 2], [3, 4]]))
print(torch.Tensor())
print(torch.Tensor(2, 3).shape, torch.Tensor(2, 3).dtype)
print(torch.Tensor(torch.Size([4])).shape)
print(torch.FloatTensor([1, 2]), torch.FloatTensor([1, 2]).dtype)
print(torch.DoubleTensor([1, 2]))
print(torch.LongTensor([1, 2]))
print(torch.LongTensor([1.9, -1.9]))
print(torch.LongTensor(3).shape, torch.LongTensor(3).dtype)
print(torch.DoubleTensor(2, 2).shape)
t = torch.Tensor([1.0, 2.0])
print(t.requires_grad, t.is_leaf, isinstance(t, torch.Tensor))
print(isinstance(torch.tensor(1), torch.Tensor), isinstance(torch.zeros(2), torch.FloatTensor))
print(isinstance(torch.zeros(2, dtype=torch.float64), torch.FloatTensor))
print(type(torch.zeros(2)).__name__, type(torch.FloatTensor([1.0])).__name__)
print(torch.zeros(2).type(), torch.zeros(2, dtype=torch.int64).type())
print(torch.FloatTensor([1.0]) + torch.DoubleTensor([1.0]))

# Linalg: torch.matmul / @ for every combination of ranks 1-4, including batch
# broadcasting, with result shapes and values; integer matmul keeps the int dtype.
import torch

for sa in [(3,), (2, 3), (4, 2, 3), (5, 1, 2, 3)]:
    for sb in [(3,), (3, 2), (4, 3, 2), (1, 3, 2), (5, 4, 3, 2)]:
        a = torch.arange(float(torch.Size(sa).numel())).reshape(sa)
        b = torch.arange(float(torch.Size(sb).numel())).reshape(sb) - 3
        r = a @ b
        print(sa, '@', sb, '->', tuple(r.shape), float(r.sum()), r.reshape(-1)[:3].tolist())
for sb in [(3, 2), (4, 3, 2)]:
    r = torch.matmul(torch.arange(3.0), torch.ones(sb))
    print((3,), 'matmul', sb, '->', r.shape)
v = torch.tensor([1.0, 2.0, 3.0])
print(v @ v, torch.matmul(v, v).shape)
m = torch.tensor([[1.0, 0.0, -1.0], [2.0, 1.0, 0.0]])
print(m @ v, v @ m.t(), m @ m.t(), m.t() @ m)
print(torch.tensor([[1, 2], [3, 4]]) @ torch.tensor([[5, 6], [7, 8]]))
print(torch.tensor([[1, 2]], dtype=torch.int32).matmul(torch.tensor([[3], [4]], dtype=torch.int32)))
print(m.matmul(v), m.double() @ v.double())
print(torch.ones(2, 0) @ torch.ones(0, 3), torch.ones(0) @ torch.ones(0))

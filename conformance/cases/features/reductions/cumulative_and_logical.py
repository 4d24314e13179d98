# Reductions: cumsum and cumprod (dims, dtype=, int promotion), all and any (whole,
# per dim, keepdim, on non-bool inputs) and count_nonzero (dim int or tuple).
import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(x.cumsum(0), x.cumsum(1), torch.cumsum(x, dim=-1), x.cumprod(1), torch.cumprod(x, 0))
i = torch.tensor([1, 2, 3], dtype=torch.int8)
print(i.cumsum(0), i.cumprod(0), i.cumsum(0, dtype=torch.float32), torch.tensor([True, True]).cumsum(0))
print(torch.tensor(3.0).cumsum(0), torch.zeros(0).cumsum(0), torch.tensor([2.0, float('nan'), 1.0]).cumsum(0))
b = torch.tensor([[True, False, True], [True, True, True]])
print(b.all(), b.any(), b.all(1), b.any(0), b.all(dim=0, keepdim=True), torch.all(b, -1))
f = torch.tensor([[0.0, 1.5], [-2.0, 0.0]])
print(f.all(), f.any(), f.any(1), torch.any(f, 0), torch.tensor([1, 2, 0]).all(), torch.tensor([0, 0]).any())
print(torch.tensor([float('nan')]).all(), torch.zeros(0).all(), torch.zeros(0).any())
print(torch.tensor([1, 2], dtype=torch.uint8).all(), torch.tensor([1, 2], dtype=torch.uint8).all().dtype)
print(b.all(dim=(0, 1)), b.any(dim=(0,)))
c = torch.tensor([[0, 1, 2], [3, 0, 0]])
print(torch.count_nonzero(c), c.count_nonzero(0), c.count_nonzero(dim=1), torch.count_nonzero(c, dim=(0, 1)))
print(torch.count_nonzero(f), torch.count_nonzero(b), torch.count_nonzero(torch.tensor([float('nan'), -0.0])))

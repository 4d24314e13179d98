# Dtypes: torch.finfo and torch.iinfo fields and reprs for every supported dtype,
# and finfo() with no argument (the default dtype).
import torch

for dt in [torch.float16, torch.float32, torch.float64]:
    fi = torch.finfo(dt)
    print(fi)
    print(fi.bits, fi.eps, fi.max, fi.min, fi.tiny, fi.smallest_normal, fi.resolution, fi.dtype)
for dt in [torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64]:
    ii = torch.iinfo(dt)
    print(ii)
    print(ii.bits, ii.max, ii.min, ii.dtype)
print(torch.finfo().eps, torch.finfo(torch.float).bits, torch.iinfo(torch.long).max)
print(torch.finfo(torch.half).max == 65504.0)
x = torch.tensor([1.0]) + torch.finfo(torch.float32).eps
print(x.item(), (torch.tensor([1.0]) + torch.finfo(torch.float32).eps / 2).item())
print(torch.tensor([torch.iinfo(torch.int32).max], dtype=torch.int32) + 1)

# Reductions: result dtypes of reductions for each input dtype (ints and bools go to
# int64 for sum/prod/cumsum; mean needs floats; max/min keep the dtype; all/any).
import torch

dts = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
       torch.float16, torch.float32, torch.float64]
short = lambda d: str(d).replace('torch.', '')
for dt in dts:
    t = torch.ones(2, 3, dtype=dt)
    row = [short(t.sum().dtype), short(t.sum(0).dtype), short(t.prod().dtype), short(t.cumsum(1).dtype),
           short(t.amax().dtype), short(t.max(1).values.dtype), short(t.all().dtype), short(t.any(0).dtype),
           short(t.count_nonzero().dtype)]
    if dt.is_floating_point:
        row += [short(t.mean().dtype), short(t.std().dtype), short(t.norm().dtype), short(t.softmax(0).dtype)]
    print(short(dt), row)
print(torch.ones(3, dtype=torch.int32).sum(dtype=torch.int32).dtype, torch.ones(3).sum(dtype=torch.float16).dtype)
print(torch.ones(3, dtype=torch.int64).mean(dtype=torch.float64), torch.ones(2, dtype=torch.uint8).prod(dtype=torch.uint8))

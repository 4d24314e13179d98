# Printing: repr and str of 1-D tensors of every supported dtype, with and without
# the dtype= suffix, plus the reprs of the dtype objects and their aliases.
import torch

print(torch.tensor([1.5, -2.25, 3.0]))
print(torch.tensor([1.5, -2.25, 3.0], dtype=torch.float64))
print(torch.tensor([1.5, -2.25, 3.0], dtype=torch.float16))
print(torch.tensor([1, -2, 3]))
print(torch.tensor([1, -2, 3], dtype=torch.int32))
print(torch.tensor([1, -2, 3], dtype=torch.int16))
print(torch.tensor([1, -2, 3], dtype=torch.int8))
print(torch.tensor([1, 2, 255], dtype=torch.uint8))
print(torch.tensor([True, False, True]))
print(repr(torch.tensor([0.1, 0.2], dtype=torch.double)))
print(str(torch.tensor([0.1, 0.2], dtype=torch.half)))

# whole-number floats print with a trailing dot
print(torch.tensor([1.0, 2.0, -3.0]))
print(torch.tensor([1.0, 2.0, -3.0], dtype=torch.float64))
print(torch.tensor([100.0, 2.0]))

# dtype objects
for dt in [torch.float16, torch.float32, torch.float64, torch.int8, torch.int16,
           torch.int32, torch.int64, torch.uint8, torch.bool]:
    print(repr(dt), str(dt), dt.is_floating_point, dt.is_signed, dt.itemsize)

# aliases are the same objects
print(torch.float, torch.double, torch.half, torch.long, torch.int, torch.short)
print(torch.float is torch.float32, torch.double is torch.float64, torch.half is torch.float16)
print(torch.long is torch.int64, torch.int is torch.int32, torch.short is torch.int16)
print(torch.float32 == torch.float, torch.float32 == torch.float64)
print(type(torch.float32).__name__)

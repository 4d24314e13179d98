# Dtypes: torch.result_type (tensors, 0-dim tensors and Python scalars),
# torch.promote_types and torch.can_cast across the supported dtypes.
import torch

dts = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64,
       torch.float16, torch.float32, torch.float64]
short = lambda d: str(d).replace('torch.', '')
for a in dts:
    print(short(a), [short(torch.promote_types(a, b)) for b in dts])
for a in dts:
    print(short(a), ''.join('1' if torch.can_cast(a, b) else '0' for b in dts))

x = torch.tensor([1, 2], dtype=torch.int16)
print(torch.result_type(x, 1), torch.result_type(x, 1.0), torch.result_type(x, True))
print(torch.result_type(x, torch.tensor(1)), torch.result_type(x, torch.tensor(1.0, dtype=torch.float64)))
print(torch.result_type(x, torch.tensor([1])), torch.result_type(torch.tensor(1), torch.tensor(1.0)))
print(torch.result_type(1, 2.0), torch.result_type(True, 2), torch.result_type(2, torch.tensor([True])))
print(torch.result_type(torch.tensor([1.0], dtype=torch.float16), 1e10))
print(torch.result_type(torch.tensor([True]), torch.tensor(5, dtype=torch.uint8)))

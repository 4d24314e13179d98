# Dtypes: .to(dtype), .to(tensor), .to('cpu', dtype), .float()/.double()/.half()/.long()/
# .int()/.short()/.char()/.byte()/.bool(), .type(...); truncation toward zero; identity returns self.
import torch

x = torch.tensor([-2.7, -0.5, 0.0, 0.5, 2.7])
print(x.to(torch.int64), x.long(), x.int(), x.short(), x.char())
print(x.bool(), x.half(), x.double())
print(torch.tensor([1.7, 255.9]).byte())
print(x.to(torch.float32) is x, x.float() is x, x.to(torch.float64) is x, x.to('cpu') is x)
print(x.to(torch.tensor([1], dtype=torch.int32)))
print(x.to('cpu', torch.float64), x.to(device='cpu', dtype=torch.int16))
print(x.to(dtype=torch.float16, copy=True))
print(x.type(), x.type(torch.float64), x.type(torch.IntTensor), x.type('torch.LongTensor'))
print(x.type(torch.float32) is x)
print(x.type_as(torch.tensor([1], dtype=torch.int8)))
i = torch.tensor([0, 1, 2])
print(i.float(), i.bool(), i.to(torch.uint8), i.half())
print(torch.tensor([True, False]).float(), torch.tensor([True, False]).long())
big = torch.tensor([3.4e38])
print(big.half(), big.double())
print(torch.tensor([1.0001, 2049.0, 65519.0, 65520.0]).half())
print(torch.tensor([0.1], dtype=torch.float64).float().double().item())
y = x.to(torch.float64)
y[0] = 100.0
print(x[0])
print(torch.tensor(2.5).long(), torch.tensor(2.5).long().dtype, torch.tensor(-1).to(torch.uint8))

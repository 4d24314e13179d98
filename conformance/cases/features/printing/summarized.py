# Printing: summarization of tensors with more than 1000 elements (threshold), in
# 1-D, 2-D and 3-D, for floats, ints and bools, and the boundary at exactly 1000.
import torch

print(torch.arange(1000))          # exactly 1000 elements: printed in full
print(torch.arange(1001))
print(torch.arange(2000.0))
print(torch.arange(1001, dtype=torch.float64) / 3)
print(torch.arange(40 * 40).reshape(40, 40))
print(torch.arange(3000.0).reshape(10, 300))
print(torch.arange(3000).reshape(300, 10))
print(torch.arange(2 * 30 * 30).reshape(2, 30, 30))
print(torch.arange(10 * 10 * 12).reshape(10, 10, 12) % 2 == 0)
x = torch.zeros(5000)
x[0] = 1.5
x[-1] = -2.0
print(x)
# small dims stay complete even when the whole tensor is summarized
print(torch.ones(2, 1001))

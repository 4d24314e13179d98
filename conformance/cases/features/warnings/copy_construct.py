# Warnings: torch.tensor(existing_tensor) warns to use clone().detach() (also for tensors
# requiring grad, where the copy does not require grad); a list of ndarrays warns as slow.
import numpy as np
import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor(a)
print(b, b.requires_grad, b.is_leaf)
c = torch.tensor(torch.arange(3), dtype=torch.float64)
print(c)
d = torch.as_tensor(torch.ones(2))
print(d)
e = a.detach().clone()
print(e, e.requires_grad)
f = torch.tensor([np.array([1.0, 2.0]), np.array([3.0, 4.0])])
print(f)
g = torch.tensor(np.array([[1.0, 2.0], [3.0, 4.0]]))
print(g)

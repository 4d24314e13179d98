# Warnings: some torch warnings fire only once per process even from different lines:
# x.T on a non-2-D tensor, torch.cross without dim, from_numpy of a read-only array, and
# float() of a tensor that requires grad (item(), int() and format() do not warn).
import numpy as np
import torch

v = torch.arange(3.0)
print(v.T)
print(torch.arange(24).reshape(2, 3, 4).T.shape)
print(torch.cross(torch.tensor([1.0, 0.0, 0.0]), torch.tensor([0.0, 1.0, 0.0])))
print(torch.cross(torch.ones(2, 3), torch.ones(2, 3)))
a = np.arange(3.0)
a.flags.writeable = False
print(torch.from_numpy(a))
print(torch.from_numpy(a) * 2)
print(torch.as_tensor(a))
w = torch.tensor([0.5, 1.5], requires_grad=True)
loss = (w * w).sum()
print(loss.item(), int(loss), f"{loss:.3f}")
print(float(loss))
print(float(w[0]))

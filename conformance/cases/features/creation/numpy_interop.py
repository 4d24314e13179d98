# Creation: from_numpy and .numpy() share memory both ways; as_tensor shares when it
# can and copies on dtype change; torch.tensor always copies; np.asarray / __array__.
import numpy as np
import torch

a = np.array([1.0, 2.0, 3.0])
t = torch.from_numpy(a)
print(t, t.dtype)
a[0] = 10.0
print(t)
t[1] = 20.0
print(a)

for npdt in [np.float32, np.float64, np.float16, np.int64, np.int32, np.int16, np.int8, np.uint8, np.bool_]:
    print(torch.from_numpy(np.zeros(2, dtype=npdt)).dtype)

n = torch.arange(4.0)
arr = n.numpy()
print(type(arr).__name__, arr.dtype, arr)
arr[0] = -1.0
print(n)
n.add_(1)
print(arr)

b = np.array([1, 2, 3])
s = torch.as_tensor(b)
b[0] = 7
print(s)
c = torch.as_tensor(b, dtype=torch.float32)
b[1] = 8
print(c)
d = torch.tensor(b)
b[2] = 9
print(d)
print(torch.as_tensor([1, 2]), torch.as_tensor(3.5))
x = torch.tensor([1.0, 2.0])
print(torch.as_tensor(x) is x, torch.as_tensor(x, dtype=torch.float64))

print(np.asarray(torch.tensor([[1, 2], [3, 4]])))
print(np.asarray(torch.tensor([1.5])).dtype, torch.tensor([1.5]).__array__().dtype)
print(np.float64(2.0) * torch.tensor([1.0, 2.0]))
print(torch.tensor(np.float64(2.5)), torch.tensor(np.array(3)))
print(torch.tensor([1.0, 2.0], requires_grad=True).detach().numpy())
print(torch.zeros(2, 3).numpy().shape, torch.zeros(2, 3).t().numpy().strides)
print(torch.from_numpy(np.arange(6).reshape(2, 3)[:, ::2]))
print(torch.from_numpy(np.arange(6).reshape(2, 3)[:, ::2]).stride())

# Grad modes: torch.inference_mode (context manager, mode=False, decorator),
# is_inference(), is_inference_mode_enabled(), and the errors when inference tensors
# are later used in autograd or updated in place outside inference mode.
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
print(torch.is_inference_mode_enabled(), x.is_inference())
with torch.inference_mode():
    print(torch.is_inference_mode_enabled(), torch.is_grad_enabled())
    y = x * 2
    z = torch.ones(2)
    print(y, y.requires_grad, y.is_inference(), z.is_inference(), x.is_inference())
    with torch.inference_mode(mode=False):
        print('mode=False inside', torch.is_inference_mode_enabled(), torch.is_grad_enabled())
print(torch.is_inference_mode_enabled(), y.is_inference())
with torch.inference_mode(False):
    print('inference_mode(False)', torch.is_inference_mode_enabled(), (x * 2).requires_grad)


@torch.inference_mode()
def predict(t):
    return t.exp()


p = predict(x)
print(p.is_inference(), p.requires_grad)
try:
    (x * y).sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    y.add_(1)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    y.requires_grad_()
except RuntimeError as e:
    print(type(e).__name__, e)
c = y.clone()
print(c.is_inference(), c + 1)
with torch.no_grad():
    n = x * 2
print(n.is_inference())
with torch.inference_mode():
    y.add_(1)
print(y)
print(torch.ones(1) + y)

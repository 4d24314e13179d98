# In-place and versions: updating leaves that require grad: the error with grad enabled,
# and the allowed forms (no_grad in-place ops, augmented assignment, .data), which keep the
# tensor a leaf, bump (or for .data, do not bump) its version, and keep .grad.
import torch

w = torch.tensor([1.0, -2.0], requires_grad=True)
(w * w).sum().backward()
try:
    w -= 0.1 * w.grad
except RuntimeError as e:
    print(type(e).__name__, e)
print(w, w._version)
with torch.no_grad():
    w -= 0.1 * w.grad
print(w, w.is_leaf, w.requires_grad, w.grad_fn, w._version)
with torch.no_grad():
    w.sub_(w.grad, alpha=0.1)
    w.mul_(1.0)
print(w, w._version)
w.data -= 0.1 * w.grad
print(w, w._version)
w.data.sub_(0.1 * w.grad)
print(w, w._version, w.grad)
old = w
with torch.no_grad():
    w = w - 0.1 * w.grad
print(w is old, w.requires_grad, w.is_leaf)
w.requires_grad_()
(w ** 2).sum().backward()
print(torch.allclose(w.grad, torch.zeros(2), atol=1e-6), old.grad)
p = torch.tensor([0.0], requires_grad=True)
for step in range(5):
    loss = ((p - 3.0) ** 2).sum()
    loss.backward()
    with torch.no_grad():
        p -= 0.25 * p.grad
        p.grad.zero_()
    print(step, round(loss.item(), 4), p)

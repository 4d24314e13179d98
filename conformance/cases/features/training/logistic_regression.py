# Training: binary logistic regression with a numerically stable BCE-with-logits written
# from primitives (clamp, abs, log1p, exp), a learned bias, and a decision threshold.
import torch

torch.manual_seed(1)
X = torch.randn(40, 2)
true_w = torch.tensor([1.5, -2.0])
y = ((X @ true_w + 0.3) > 0).float()
w = torch.zeros(2, requires_grad=True)
b = torch.zeros((), requires_grad=True)


def bce_with_logits(z, t):
    return (z.clamp(min=0) - z * t + torch.log1p(torch.exp(-z.abs()))).mean()


for step in range(101):
    z = X @ w + b
    loss = bce_with_logits(z, y)
    gw, gb = torch.autograd.grad(loss, [w, b])
    with torch.no_grad():
        w.sub_(1.0 * gw)
        b.sub_(1.0 * gb)
    if step % 25 == 0:
        acc = ((z > 0).float() == y).float().mean()
        print(f"step {step:3d} loss {loss.item():.4f} acc {acc.item():.3f} w {[round(v, 4) for v in w.tolist()]} b {b.item():.4f}")
print(w.grad, b.grad, loss.grad_fn.name())
p = torch.sigmoid(X[:5] @ w + b)
print(p.detach(), y[:5])

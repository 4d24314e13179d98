# Training: linear regression y = 3x + 2 fitted by full-batch gradient descent written
# from primitives (mean squared error, backward, no_grad update, grad zeroing).
import torch

torch.manual_seed(0)
X = torch.linspace(-1, 1, 32).unsqueeze(1)
y = 3 * X + 2 + 0.1 * torch.randn(32, 1)
w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lr = 0.5
for step in range(60):
    pred = X @ w + b
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    if step % 10 == 0 or step == 59:
        print(f"step {step:2d} loss {loss.item():.4f} w {w.item():.4f} b {b.item():.4f} |grad w| {w.grad.abs().item():.4f}")
    w.grad.zero_()
    b.grad.zero_()
print(w, b)
print(loss)
with torch.no_grad():
    print(X[:3] @ w + b)

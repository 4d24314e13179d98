# Training: gradients of a small tanh network computed by hand (chain rule written out
# with matrix ops) agree with autograd's, and one SGD step changes the loss as expected.
import torch

torch.manual_seed(3)
X = torch.randn(5, 3, dtype=torch.float64)
T = torch.randn(5, 2, dtype=torch.float64)
W1 = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
W2 = torch.randn(4, 2, dtype=torch.float64, requires_grad=True)
H = torch.tanh(X @ W1)
Y = H @ W2
loss = 0.5 * ((Y - T) ** 2).sum()
loss.backward()
with torch.no_grad():
    dY = Y - T
    dW2 = H.t() @ dY
    dH = dY @ W2.t()
    dA = dH * (1 - H ** 2)
    dW1 = X.t() @ dA
print(torch.allclose(W1.grad, dW1), torch.allclose(W2.grad, dW2))
print((W1.grad - dW1).abs().max() < 1e-12, (W2.grad - dW2).abs().max() < 1e-12)
print(W2.grad)
print(loss.grad_fn.name(), Y.grad_fn.name(), H.grad_fn.name())
before = loss.item()
with torch.no_grad():
    W1 -= 0.01 * W1.grad
    W2 -= 0.01 * W2.grad
after = 0.5 * ((torch.tanh(X @ W1) @ W2 - T) ** 2).sum()
print(f"{before:.6f} -> {after.item():.6f}", after.item() < before)

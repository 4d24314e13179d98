# Training: a two-layer MLP (float64) on a toy 3-class problem with softmax cross-entropy
# built from log_softmax and gather, manual SGD, and accuracy from argmax.
import torch

torch.manual_seed(0)
n, d, h, k = 60, 2, 16, 3
centers = torch.tensor([[2.0, 0.0], [-1.0, 1.7], [-1.0, -1.7]], dtype=torch.float64)
labels = torch.arange(n) % k
X = centers[labels] + 0.5 * torch.randn(n, d, dtype=torch.float64)
W1 = (torch.randn(d, h, dtype=torch.float64) * 0.5).requires_grad_()
b1 = torch.zeros(h, dtype=torch.float64, requires_grad=True)
W2 = (torch.randn(h, k, dtype=torch.float64) * 0.5).requires_grad_()
b2 = torch.zeros(k, dtype=torch.float64, requires_grad=True)
params = [W1, b1, W2, b2]


def forward(inp):
    hidden = torch.relu(inp @ W1 + b1)
    return hidden @ W2 + b2


for epoch in range(41):
    logits = forward(X)
    logp = torch.log_softmax(logits, dim=1)
    loss = -logp.gather(1, labels.unsqueeze(1)).mean()
    for p in params:
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for p in params:
            p -= 0.2 * p.grad
    if epoch % 10 == 0:
        acc = (logits.argmax(dim=1) == labels).float().mean()
        print(f"epoch {epoch:2d} loss {loss.item():.5f} acc {acc.item():.3f} |dW1| {W1.grad.norm().item():.5f}")
probs = torch.softmax(forward(X[:4]), dim=1)
print(probs.detach())
print(torch.allclose(probs.sum(1), torch.ones(4, dtype=torch.float64)), labels[:4])
print(loss.grad_fn.name(), loss.grad_fn.next_functions[0][0].name())

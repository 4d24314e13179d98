# Source: seeds/003_0ac931941cd4cdaa.txt, snippet 10 of 10 (seed lines 162-185, "四,案例二----函数参数求解: y_pred = a * x + b")
# Changes: restored the indentation the blog export lost; the final print of a and b is placed after
#   the training loop.
import torch
def test02():
    x = torch.tensor([1, 2, 3, 4, 5], dtype=torch.float)
    y = torch.tensor([3, 5, 7, 9, 11], dtype=torch.float)
    a = torch.tensor([1.0], dtype=torch.float, requires_grad=True)
    b = torch.tensor([1.0], dtype=torch.float, requires_grad=True)
    lr = 0.05
    epochs = 1000
    for epoch in range(epochs):
        y_pred = a * x + b
        loss = ((y_pred - y) ** 2).mean()
        if a.grad is not None:
            a.grad.zero_()
        if b.grad is not None:
            b.grad.zero_()
        loss.backward()
        with torch.no_grad():
            a -= lr * a.grad
            b -= lr * b.grad
        if (epoch + 1) % 100 == 0:
            print(f'Epoch [{epoch + 1}/{epochs}], Loss: {loss.item():.4f}')
    print(f'a: {a.item():.4f}, b: {b.item():.4f}')
if __name__ == '__main__':
    test02()

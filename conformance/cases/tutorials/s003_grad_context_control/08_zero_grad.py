# Source: seeds/003_0ac931941cd4cdaa.txt, snippet 8 of 10 (seed lines 111-123, "2.3 梯度清零: if x.grad is not None: x.grad.zero_()")
# Changes: restored the indentation the blog export lost (print(x.grad) inside the loop, as in
#   07_grad_accumulates.py); added `import torch` (the tutorial relies on the import of snippet 7).
import torch
#梯度清零
def test002():
    x = torch.tensor([1.0, 2.0, 5.3], requires_grad=True)
    # 2. 累计梯度:每次计算都会累计梯度
    for i in range(3):
        y = x**2 + 2 * x + 7
        z = y.mean()
        # 2.1 反向传播之前先对梯度进行清零
        if x.grad is not None:
            x.grad.zero_()
        z.backward()
        print(x.grad)
if __name__ == "__main__":
    test002()

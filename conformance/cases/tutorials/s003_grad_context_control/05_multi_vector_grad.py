# Source: seeds/003_0ac931941cd4cdaa.txt, snippet 5 of 10 (seed lines 64-73, "1.2.4 多向量梯度计算: def test04(): ... z = y.sum()")
# Changes: restored the indentation the blog export lost; added `import torch` (the tutorial relies
#   on the import of snippet 2).
import torch
# 多向量梯度计算
def test04():
    x1 = torch.tensor([1.0, 2.0], requires_grad=True)
    x2 = torch.tensor([3.0, 4.0], requires_grad=True)
    y = x1 ** 2 + x2 * 7
    z = y.sum()
    z.backward()
    print(x1.grad, x2.grad)
if __name__ == '__main__':
    test04()

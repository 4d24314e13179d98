# Source: seeds/003_0ac931941cd4cdaa.txt, snippet 3 of 10 (seed lines 37-45, "1.2.2 计算向量梯度: def test002(): ... loss = y.mean()")
# Changes: restored the indentation the blog export lost; added `import torch` (the tutorial relies
#   on the import of snippet 2).
import torch
def test002():
    # 1. 创建张量:必须为浮点类型
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    y = x ** 2
    loss = y.mean()
    loss.backward()
    print(x.grad)
if __name__ == "__main__":
    test002()

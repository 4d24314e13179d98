# Source: seeds/003_0ac931941cd4cdaa.txt, snippet 1 of 10 (seed lines 19-24, "叶子结点判断方式: print(x.is_leaf) ...")
# Changes: added `import torch` (the snippet comes before the tutorial's first import).
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True) # 叶子节点
y = x ** 2 # 非叶子节点(通过计算生成)
z = y.sum()
print(x.is_leaf) # True
print(y.is_leaf) # False
print(z.is_leaf) # False

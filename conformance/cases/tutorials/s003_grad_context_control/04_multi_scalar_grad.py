# Source: seeds/003_0ac931941cd4cdaa.txt, snippet 4 of 10 (seed lines 53-62, "1.2.3 多标量梯度计算: def test03(): ... y=x1**2+x2*7")
# Changes: restored the indentation the blog export lost; added `import torch` (the tutorial relies
#   on the import of snippet 2).
import torch
#多标量梯度计算
def test03():
    x1= torch.tensor(1.0,requires_grad=True)
    x2=torch.tensor(3.0,requires_grad=True)
    y=x1**2+x2*7
    z=y.sum()
    z.backward()
    print(x1.grad,x2.grad)
if __name__ == '__main__':
    test03()

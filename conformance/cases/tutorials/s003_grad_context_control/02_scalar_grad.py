# Source: seeds/003_0ac931941cd4cdaa.txt, snippet 2 of 10 (seed lines 28-35, "1.2.1 计算标量梯度: def test01(): ... y.backward()")
# Changes: restored the indentation the blog export lost (function body and the __main__ block).
import torch
def test01():
    x= torch.tensor(1.0,requires_grad=True)# requires_grad=True表示需要求导
    y=x**2# 操作张量
    y.backward() #计算梯度,也就是反向传播
    print(x.grad) # 打印梯度
if __name__ == '__main__':
    test01()

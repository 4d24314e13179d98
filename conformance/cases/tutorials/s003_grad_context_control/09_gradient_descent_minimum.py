# Source: seeds/003_0ac931941cd4cdaa.txt, snippet 9 of 10 (seed lines 125-160, "三,案例一----求函数最小值: x -= lr * x.grad")
# Changes: restored the indentation the blog export lost. Plotting replaced by printing the plotted
#   data: plt.plot(x, y); plt.show() -> print(x); print(y) in test01, and plt.scatter(x=x_list,
#   y=y_list); plt.show() -> print(x_list); print(y_list) in test02; the then unused
#   `from matplotlib import pyplot as plt` is removed. The shadowing of the builtin `list` is kept.
import torch
import numpy as np
def test01():
    x = np.linspace(-10, 10, 100)
    y = x ** 2
    print(x)  # was: plt.plot(x, y)
    print(y)  # was: plt.show()
def test02():
    # 初始化自变量X
    x = torch.tensor([3.0], requires_grad=True, dtype=torch.float)
    # 迭代轮次
    epochs = 50
    # 学习率
    lr = 0.1
    list = []
    for i in range(epochs):
        # 计算函数表达式
        y = x ** 2
        # 梯度清零
        if x.grad is not None:
            x.grad.zero_()
        # 反向传播
        y.backward()
        with torch.no_grad():
            x -= lr * x.grad
        print('epoch:', i, 'x:', x.item(), 'y:', y.item())
        list.append((x.item(), y.item()))
    # 散点图,观察收敛效果
    x_list = [l[0] for l in list]
    y_list = [l[1] for l in list]
    print(x_list)  # was: plt.scatter(x=x_list, y=y_list)
    print(y_list)  # was: plt.show()
if __name__ == "__main__":
    test01()
    test02()

# Source: seeds/003_0ac931941cd4cdaa.txt, snippet 6 of 10 (seed lines 78-94, "2.1 控制梯度计算: with torch.no_grad() ... @torch.no_grad()")
# Changes: restored the indentation the blog export lost. Where it was ambiguous: print(z.requires_grad)
#   is placed after the `with` block (inside it would print the same), and the decorated function
#   test() is nested in test01(), since it reads test01's local x.
import torch
def test01():
    x=torch.tensor(11.5,requires_grad=True)
    print(x.requires_grad)# True
    y=x**2
    print(y.requires_grad)# True
    with torch.no_grad():
        z=x**2
    print(z.requires_grad)
    #使用装饰器
    @torch.no_grad()
    def test():
        return x**2
    y=test()
    print(y.requires_grad)
if __name__ == '__main__':
    test01()

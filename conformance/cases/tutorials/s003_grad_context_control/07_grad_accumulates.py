# Source: seeds/003_0ac931941cd4cdaa.txt, snippet 7 of 10 (seed lines 98-107, "2.2 累计梯度: for i in range(3): ... z.backward()")
# Changes: restored the indentation the blog export lost. Ambiguous: print(x.grad) is placed inside the
#   loop (printed after every backward, which shows the accumulation the section is about).
import torch
def test002():
    x = torch.tensor([1.0, 2.0, 5.3], requires_grad=True)
    # 2. 累计梯度:每次计算都会累计梯度
    for i in range(3):
        y = x**2 + 2 * x + 7
        z = y.mean()
        z.backward()
        print(x.grad)
if __name__ == "__main__":
    test002()

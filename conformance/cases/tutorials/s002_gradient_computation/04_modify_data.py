# Source: seeds/002_18d2cb766a0b873f.txt, snippet 4 of 6 (seed lines 45-56, "x.data *= 100; y.backward()")
# Changes: added `import torch` (the tutorial never imports it). The last three lines stay commented
#   out as in the tutorial; 04_modify_data_inplace_leaf_error.py runs them.
import torch

x = torch.ones(1, requires_grad=True)
print(x.data)  # tensor([1.]),data也是一个tensor
print(x.data.requires_grad)  # False，已经是独立于计算图之外
y = 2 * x
x.data *= 100  # 只改变了值，不会记录在计算图，所以不会影响梯度传播
y.backward()
print(x)  # tensor([100.], requires_grad=True)，更改data的值也会影响tensor的值
print(x.grad)  # tensor([2.])
print('{} 不使用data，直接操作tensor {}'.format('-'*15, '-'*15))
# x = torch.ones(1, requires_grad=True)
# y = 2 * x
# x *= 100  # RuntimeError: a leaf Variable that requires grad has been used in an in-place operation.

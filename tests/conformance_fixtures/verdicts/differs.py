# expect: differs
from _impl import IMPL

print("same line")
print("tensor([1., 2.])" if IMPL == "torch" else "tensor([1, 2])")
print("another same line")

# expect: tolerant
from _impl import LITE

print("loss:", 0.30000001192092896 if not LITE else 0.30000004)
print("tensor([0.1234, 1.5000])" if not LITE else "tensor([0.1235, 1.5000])")

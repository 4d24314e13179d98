# expect: crashed
import os

from _impl import LITE

print("before os._exit")
if LITE:
    os._exit(3)
print("after")

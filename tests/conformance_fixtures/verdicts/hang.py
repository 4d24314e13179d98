# expect: timeout
import time

from _impl import LITE

print("before the hang")
if LITE:
    time.sleep(600)
print("after")

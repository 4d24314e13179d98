# expect: crashed
import os
import signal

from _impl import LITE

print("before the crash")
if LITE:
    os.kill(os.getpid(), signal.SIGSEGV)
print("after")

# expect: differs
import sys

from _impl import LITE

print("start")
if LITE:
    line = "x" * 1000 + "\n"
    while True:
        sys.stdout.write(line)
print("end")

# expect: differs
import sys

from _impl import LITE

print("done")
sys.exit(2 if LITE else 0)

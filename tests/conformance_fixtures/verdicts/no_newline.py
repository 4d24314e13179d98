# expect: differs
import sys

from _impl import LITE

sys.stdout.write("last line\n" if not LITE else "last line")

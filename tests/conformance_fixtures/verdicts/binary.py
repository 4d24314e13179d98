# expect: identical
import sys

sys.stdout.buffer.write(b"raw bytes: \xff\xfe\x00 end\n")
sys.stdout.flush()
print("text after binary")

# expect: identical
import sys

line = "y" * 999 + "\n"
while True:  # both floods are cut at the same byte cap
    sys.stdout.write(line)

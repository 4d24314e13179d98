# expect: identical
import sys

print("printed before stdout is closed")
sys.stdout.close()

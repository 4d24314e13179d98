# expect: identical
import os

print("printed before os._exit is kept")
os._exit(0)

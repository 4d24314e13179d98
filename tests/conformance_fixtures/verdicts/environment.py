# expect: identical
import os
import sys

# what a script sees when run as `cd its_folder && python environment.py arg1 arg2`
print("argv:", sys.argv)
print("cwd is the case folder:", os.getcwd() == os.path.dirname(os.path.abspath(__file__)))
print("path[0] is the case folder:", sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
print("__name__:", __name__)
print("set order:", list({"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"}))
try:
    input()
except EOFError:
    print("stdin is empty")

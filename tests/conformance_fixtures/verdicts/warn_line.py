# expect: identical
import warnings

print("a warning follows")
warnings.warn("look at line 5")
for _ in range(3):
    warnings.warn("once per location by default", RuntimeWarning)

# expect: identical
print("hello, world")
print([1, 2.5, 3e-05], {"a": (1, None)})
print("unicode: \u00e9\u4e2d \u2713")
print(object())  # an address: normalised
print(repr(print), print)

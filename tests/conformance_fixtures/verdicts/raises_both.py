# expect: identical
print("computing")
raise ValueError("expected a tensor with 2 dimensions, got 3")

# expect: differs
from _impl import LITE

raise RuntimeError("shape mismatch: [2, 3] vs [3]" if not LITE else "shapes do not match")

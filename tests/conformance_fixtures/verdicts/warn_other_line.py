# expect: differs
import warnings

from _impl import LITE

if LITE:
    warnings.warn("same message")
else:
    warnings.warn("same message")

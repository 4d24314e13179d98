# expect: identical
from _impl import LITE
from _lib import warn_from_elsewhere, warn_from_here

# the warning is located inside a library module, on different lines: only category and
# message are compared
if LITE:
    warn_from_elsewhere()
else:
    warn_from_here()

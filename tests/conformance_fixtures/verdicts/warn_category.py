# expect: differs
import warnings

from _impl import LITE

warnings.warn("category matters", UserWarning if not LITE else RuntimeWarning)

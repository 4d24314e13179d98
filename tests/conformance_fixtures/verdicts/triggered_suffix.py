# expect: identical
import warnings

from _impl import LITE

suffix = "" if LITE else " (Triggered internally at /pytorch/aten/src/ATen/native/Foo.cpp:12.)"
warnings.warn("something odd happened" + suffix)

# expect: raised
from _impl import LITE

print("before")
if LITE:
    raise NotImplementedError("torchlite does not have this yet")
print("after")

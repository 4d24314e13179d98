import os
import sys

import torch
import torch.nn as nn
from torch import nn as nn_again
from torch.autograd import grad
import torch.autograd

print("names:", torch.__name__, nn.__name__, grad.__module__, torch.autograd.__name__)
print("same objects:", nn_again is nn, sys.modules["torch.nn"] is nn, torch.nn is nn)
print("spec:", torch.__spec__.name, torch.nn.__spec__.name)
print("seed:", torch.initial_seed())
try:
    import torch.no_such_module  # noqa: F401
except ModuleNotFoundError as exc:
    print("missing:", exc)
import torch._C  # noqa: E402

print("_C:", torch._C.__name__)
loaded = [m for m in list(sys.modules.values())
          if os.path.basename(os.path.dirname(getattr(m, "__file__", None) or "")) == "torch"]
print("real torch loaded:", bool(loaded))

"""torch.nn: just enough for tutorial code (functional ops and Parameter)."""

from . import functional  # noqa: F401
from .parameter import Parameter  # noqa: F401

"""The op table, by family.  Each family module declares its rows with ``defop``."""

from . import pointwise, reduction, shape, indexing, linalg  # noqa: F401
from ._common import result_type  # noqa: F401


def all_ops():
    """Every table row (Op), for the coverage tests."""
    from .._dispatch import Op
    seen = {}
    for mod in (pointwise, reduction, shape, indexing, linalg):
        for name, value in vars(mod).items():
            if isinstance(value, Op):
                seen[id(value)] = (mod.__name__.rsplit(".", 1)[1], name, value)
    return list(seen.values())

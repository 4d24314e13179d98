"""The op table, by family.  Each family module declares its rows with ``defop``."""

from . import pointwise, reduction, shape, indexing, linalg, views_inplace  # noqa: F401
from ._common import result_type as _result_type, is_number as _is_number
from .._tensor import Tensor as _Tensor
from .. import _errors

_RESULT_TYPE_OVERLOADS = (("(Tensor tensor, Tensor other)", ("Tensor", "Tensor")),
                          ("(Number scalar, Tensor tensor)", ("Number", "Tensor")),
                          ("(Tensor tensor, Number other)", ("Tensor", "Number")),
                          ("(Number scalar1, Number scalar2)", ("Number", "Number")))


def _accepts(kind, value):
    if kind == "Tensor":
        return isinstance(value, _Tensor)
    return _is_number(value) and not isinstance(value, _Tensor)


def result_type(tensor, other=None, *extra):
    """torch.result_type(a, b): the dtype an op on a and b computes in."""
    args = (tensor,) if other is None and not extra else (tensor, other) + extra
    if len(args) != 2 or not any(all(_accepts(k, a) for k, a in zip(kinds, args))
                                  for _, kinds in _RESULT_TYPE_OVERLOADS):
        raise _errors.invalid_arguments("result_type", args, _RESULT_TYPE_OVERLOADS, _accepts)
    return _result_type(*args)


def all_ops():
    """Every table row (Op), for the coverage tests."""
    from .._dispatch import Op
    seen = {}
    for mod in (pointwise, reduction, shape, indexing, linalg, views_inplace):
        for name, value in vars(mod).items():
            if isinstance(value, Op):
                seen[id(value)] = (mod.__name__.rsplit(".", 1)[1], name, value)
    return list(seen.values())

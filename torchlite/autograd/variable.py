"""torch.autograd.Variable: the legacy wrapper.  Every Tensor is a Variable."""

from .._tensor import Tensor


class _VariableMeta(type):
    def __instancecheck__(cls, other):
        return isinstance(other, Tensor)


class Variable(metaclass=_VariableMeta):
    """Variable(tensor, requires_grad=False) returns a tensor sharing the data."""

    def __new__(cls, data=None, requires_grad=False, volatile=False):
        if data is None:
            from .._factory import tensor
            data = tensor([])
        if not isinstance(data, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(data).__name__}")
        if volatile:
            from .. import _errors
            _errors.warn("volatile was removed and now has no effect. Use `with torch.no_grad():` "
                         "instead.")
        t = data.detach()
        if requires_grad:
            t.requires_grad_(True)
        return t


Variable.__module__ = "torch.autograd.variable"

"""nn.Parameter: a leaf tensor that requires grad, with torch's repr."""

import numpy as np

from .._tensor import Tensor, make


class Parameter(Tensor):
    __slots__ = ()

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            data = make(np.zeros((0,), np.float32), __import__("torchlite").float32)
        t = object.__new__(cls)
        t._data = data._data
        t._dtype = data._dtype
        t._requires_grad = False
        t._grad_fn = None
        t._output_nr = 0
        t._vc = data._vc
        t._view = None
        t._meta = None
        if requires_grad:
            if not t._dtype.is_floating_point:
                from .. import _errors
                raise RuntimeError(_errors.REQUIRES_GRAD_FLOAT_CTOR)
            t._set_requires_grad(True)
        return t

    def __repr__(self):
        return "Parameter containing:\n" + super().__repr__()


Parameter.__module__ = "torch.nn.parameter"

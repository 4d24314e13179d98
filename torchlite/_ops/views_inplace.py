"""In-place view ops (t_, transpose_, squeeze_, unsqueeze_): the tensor changes shape in place.

torch records each as a node of its own (TBackward1, UnsqueezeBackward1, ...) whose input is
the tensor's previous history, and bumps the version, like any in-place op.
"""

from __future__ import annotations

from .._dispatch import defop, record, check_inplace, bump
from .._tensor import make
from .shape import _u64, _s64, _unsqueeze_to

# dims are saved as given, negative ones modulo 2**64 as torch shows them (see shape._u64)
T_ = defop("t_", "TBackward1", self=lambda grad: grad.t())
TRANSPOSE_ = defop("transpose_", "TransposeBackward1", ("self", "dim0", "dim1"), inputs=1,
                   self=lambda grad, dim0, dim1: grad.transpose(_s64(dim0), _s64(dim1)))
UNSQUEEZE_ = defop("unsqueeze_", "UnsqueezeBackward1", ("self", "dim"), inputs=1,
                   self=lambda grad, dim: grad.squeeze(_s64(dim)))
SQUEEZE_ = defop("squeeze_", "SqueezeBackward3", ("self", "self_sym_sizes"), inputs=1,
                 self=lambda grad, self_sym_sizes: _unsqueeze_to(grad, None, self_sym_sizes))
SQUEEZE_DIM_ = defop("squeeze_", "SqueezeBackward4", ("self", "dim", "self_sym_sizes"), inputs=1,
                     self=lambda grad, dim, self_sym_sizes:
                         _unsqueeze_to(grad, (dim,), self_sym_sizes))
SQUEEZE_DIMS_ = defop("squeeze_", "SqueezeBackward5", ("self", "dim", "self_sym_sizes"),
                      inputs=1, self=lambda grad, dim, self_sym_sizes:
                          _unsqueeze_to(grad, dim, self_sym_sizes))


def squeeze_dims_saved(dim):
    """``dim`` of squeeze_ as its node saves it."""
    if isinstance(dim, (tuple, list)):
        return tuple(_u64(int(d)) for d in dim)
    return _u64(int(dim))


def inplace_view(op, self, new_data, params):
    """Give ``self`` the array ``new_data`` (a view of its own data) and record ``op``."""
    recording = check_inplace(self, (self,) + params, 1)
    if recording:
        old = make(self._data, self._dtype)  # self's previous history, at its previous shape
        old._grad_fn, old._output_nr, old._requires_grad = (self._grad_fn, self._output_nr,
                                                            self._requires_grad)
        self._data = new_data
        record(op, (self,), (old,) + params)
    else:
        self._data = new_data
    bump(self)
    return self

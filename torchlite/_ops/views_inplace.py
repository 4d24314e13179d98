"""In-place view ops (t_, transpose_, squeeze_, unsqueeze_): the tensor changes shape in place.

torch records each as a node of its own (TBackward1, UnsqueezeBackward1, ...) whose input is
the tensor's previous history, and bumps the version, like any in-place op.
"""

from __future__ import annotations

from .._dispatch import defop, record, check_inplace, bump
from .._tensor import make

T_ = defop("t_", "TBackward1", self=lambda grad: grad.t())
TRANSPOSE_ = defop("transpose_", "TransposeBackward1", ("self", "dim0", "dim1"), inputs=1,
                   self=lambda grad, dim0, dim1: grad.transpose(dim0, dim1))
UNSQUEEZE_ = defop("unsqueeze_", "UnsqueezeBackward1", ("self", "dim"), inputs=1,
                   self=lambda grad, dim: grad.squeeze(dim))
SQUEEZE_ = defop("squeeze_", "SqueezeBackward3", ("self", "self_sym_sizes"), inputs=1,
                 self=lambda grad, self_sym_sizes: grad.reshape(self_sym_sizes))
SQUEEZE_DIM_ = defop("squeeze_", "SqueezeBackward4", ("self", "self_sym_sizes"), inputs=1,
                     self=lambda grad, self_sym_sizes: grad.reshape(self_sym_sizes))


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

"""repr/str of tensors, with torch's layout rules, and the print options.

The rules (each measured against torch 2.13):

* One *formatter* per tensor decides a common width and a style for every
  element.  For floating dtypes it looks only at the finite, nonzero values:

  - if all of them are whole numbers ("integer mode") they print as ``1.``,
    unless max/min of their magnitudes exceeds 1000 or the max exceeds 1e8,
    which switches to scientific notation;
  - otherwise they print fixed with ``precision`` decimals, unless the ratio
    exceeds 1000, the max exceeds 1e8 or the min is below 1e-4 (scientific);
  - the width is the longest such formatted value (+1 for the ``.`` in integer
    mode); nan/inf/0 do not count toward it (they are still padded to it);
  - ``sci_mode`` from the print options, when not None, overrides the choice
    of notation (and the width follows the notation used), but only when there
    is at least one finite nonzero value: otherwise it is ignored.

  Integer and bool dtypes print ``str(value)`` padded to the longest one.
* Past ``threshold`` elements the tensor is summarized: along every dimension
  longer than ``2 * edgeitems`` only the first and last ``edgeitems`` entries
  are shown, with ``...`` between.  The formatter sees only the shown values.
* Rows wrap so that ``(width + 2) * n`` fits in ``linewidth - indent``.
* ``size=`` / ``dtype=`` suffixes, then the caller's (``grad_fn=...``), are
  appended on the last line, or on a new line when it would pass linewidth.
"""

from __future__ import annotations

import contextlib
import math

import numpy as np

from . import _dtype

__all__ = ["tensor_repr", "set_printoptions", "get_printoptions", "printoptions"]

_PREFIX = "tensor("
_INDENT = len(_PREFIX)


class _Options:
    __slots__ = ("precision", "threshold", "edgeitems", "linewidth", "sci_mode")

    def __init__(self):
        self.precision = 4
        self.threshold = 1000
        self.edgeitems = 3
        self.linewidth = 80
        self.sci_mode = None


_OPTS = _Options()

_PROFILES = {
    "default": (4, 1000, 3, 80),
    "short": (2, 1000, 2, 80),
    "full": (4, math.inf, 3, 80),
}


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     profile=None, sci_mode=None):
    """Set the print options, with torch's semantics.

    A profile ("default", "short", "full") sets precision, threshold, edgeitems
    and linewidth first (an unknown profile name is ignored, as in torch); the
    explicit arguments then override it.  ``sci_mode`` is always assigned: not
    passing it resets it to None (automatic).
    """
    if profile is not None:
        preset = _PROFILES.get(profile)
        if preset is not None:
            (_OPTS.precision, _OPTS.threshold, _OPTS.edgeitems, _OPTS.linewidth) = preset
    if precision is not None:
        _OPTS.precision = precision
    if threshold is not None:
        _OPTS.threshold = threshold
    if edgeitems is not None:
        _OPTS.edgeitems = edgeitems
    if linewidth is not None:
        _OPTS.linewidth = linewidth
    _OPTS.sci_mode = sci_mode


def get_printoptions():
    """A new dict of the current options (torch._tensor_str.get_printoptions)."""
    return {"precision": _OPTS.precision, "threshold": _OPTS.threshold,
            "edgeitems": _OPTS.edgeitems, "linewidth": _OPTS.linewidth,
            "sci_mode": _OPTS.sci_mode}


@contextlib.contextmanager
def printoptions(**kwargs):
    """Set print options for a block; all options are restored on exit."""
    saved = get_printoptions()
    set_printoptions(**kwargs)
    try:
        yield
    finally:
        set_printoptions(**saved)


# --- the formatter ------------------------------------------------------------

def _extremes(values):
    """The values whose formatted length can be the longest.

    Formatting is monotonic in the value, and every format used here gets no
    shorter as a value moves away from zero (fixed, integer) or from 1
    (scientific, through the exponent's digits), so the longest string comes
    from the largest or smallest magnitude of either sign.
    """
    pos = values[values > 0]
    neg = values[values < 0]
    picks = []
    if pos.size:
        picks += [pos.min(), pos.max()]
    if neg.size:
        picks += [neg.min(), neg.max()]
    return [v.item() for v in picks]


class _Formatter:
    __slots__ = ("floating", "int_mode", "sci_mode", "width", "precision")

    def __init__(self, values, floating):
        # values: the (summarized) data, any shape
        self.floating = floating
        self.int_mode = True
        self.sci_mode = False
        self.width = 1
        self.precision = _OPTS.precision
        flat = values.reshape(-1)
        if not floating:
            if flat.dtype == np.bool_:
                if flat.size:
                    self.width = 5 if not flat.all() else 4
            elif flat.size:
                lo, hi = flat.min().item(), flat.max().item()
                self.width = max(1, len(str(lo)), len(str(hi)))
            return
        flat = flat.astype(np.float64)
        nz = flat[np.isfinite(flat) & (flat != 0)]
        if not nz.size:
            # no value to measure: integer mode, width 1, and the sci_mode option is ignored
            return
        mags = np.abs(nz)
        lo, hi = mags.min(), mags.max()
        with np.errstate(over="ignore"):
            ratio_big = bool(hi / lo > 1000.0) or hi > 1.0e8
        p = self.precision
        self.int_mode = bool((nz == np.ceil(nz)).all())
        if _OPTS.sci_mode is not None:
            self.sci_mode = _OPTS.sci_mode
        elif self.int_mode:
            self.sci_mode = ratio_big
        else:
            self.sci_mode = ratio_big or bool(lo < 1.0e-4)
        # the width follows the notation finally chosen
        if self.sci_mode:
            spec = f"{{:.{p}e}}"
            self.width = max(len(spec.format(v)) for v in _extremes(nz))
        elif self.int_mode:
            self.width = max(len(f"{v:.0f}") + 1 for v in _extremes(nz))
        else:
            spec = f"{{:.{p}f}}"
            self.width = max(len(spec.format(v)) for v in _extremes(nz))

    def formatter(self):
        """A function: Python scalar -> its padded text."""
        w = self.width
        if not self.floating:
            return lambda v: str(v).rjust(w)
        if self.sci_mode:
            spec = f"{{:{w}.{self.precision}e}}"
            return spec.format
        if self.int_mode:
            def fmt(v):
                s = f"{v:.0f}"
                if not (math.isinf(v) or math.isnan(v)):
                    s += "."
                return s.rjust(w)
            return fmt
        spec = f"{{:.{self.precision}f}}"
        return lambda v: spec.format(v).rjust(w)


# --- layout -------------------------------------------------------------------

def _summarize(data, edge):
    """Keep the first and last `edge` entries along each dimension longer than 2*edge.

    Returns the reduced array and, per dimension, where "..." goes (None: no cut).
    """
    if edge < 0:
        # torch slices a 1-D tensor as [:edge] and [-edge:] (Python semantics) and
        # stacks nothing at all for more dimensions
        if data.ndim > 1:
            raise RuntimeError("stack expects a non-empty TensorList")
        head, tail = data[:edge], data[-edge:]
        return np.concatenate([head, tail]), [len(head)]
    cut = []
    for axis, n in enumerate(data.shape):
        if n > 2 * edge:
            idx = np.r_[0:edge, n - edge:n]
            data = np.take(data, idx, axis=axis)
            cut.append(edge)
        else:
            cut.append(None)
    return data, cut


def _vector(row, indent, cut, fmt, width):
    """row: a list of Python scalars (already summarized if `cut` is not None)."""
    per_line = max(1, math.floor((_OPTS.linewidth - indent) / (width + 2)))
    if cut is None:
        items = [fmt(v) for v in row]
    else:
        items = [fmt(v) for v in row[:cut]] + [" ..."] + [fmt(v) for v in row[cut:]]
    lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def _nested(values, dim, indent, cuts, fmt, width):
    """values: nested lists (from ndarray.tolist()) of depth `dim` >= 1."""
    if dim == 1:
        return _vector(values, indent, cuts[0], fmt, width)
    parts = [_nested(v, dim - 1, indent + 1, cuts[1:], fmt, width) for v in values]
    cut = cuts[0]
    if cut is not None:
        parts = parts[:cut] + ["..."] + parts[cut:]
    return "[" + ("," + "\n" * (dim - 1) + " " * (indent + 1)).join(parts) + "]"


def _body(data, floating):
    summarize = data.size > _OPTS.threshold
    edge = _OPTS.edgeitems
    if data.ndim == 0:
        f = _Formatter(data, floating)
        return f.formatter()(data.item())
    if summarize and not edge:
        return "[...]"
    if summarize:
        data, cuts = _summarize(data, edge)
    else:
        cuts = [None] * data.ndim
    f = _Formatter(data, floating)
    return _nested(data.tolist(), data.ndim, _INDENT, cuts, f.formatter(), f.width)


def _add_suffixes(text, suffixes):
    # torch counts the last line as 2 characters longer than it is (measured:
    # a suffix moves to its own line when that count + len(suffix) + 2 > linewidth)
    line_len = len(text) - text.rfind("\n") + 1
    width = _OPTS.linewidth
    for s in suffixes:
        if line_len + len(s) + 2 > width:
            text += ",\n" + " " * _INDENT + s
            line_len = _INDENT + len(s)
        else:
            text += ", " + s
            line_len += len(s) + 2
    return text + ")"


def tensor_repr(data, dtype, suffixes=()):
    """torch's repr of a tensor holding `data` (an ndarray of dtype.np) of `dtype`.

    `suffixes` are items the Tensor adds (``grad_fn=<...>``, ``requires_grad=True``),
    already formatted; they follow the size/dtype items this function adds.
    """
    data = np.asarray(data)
    default = _dtype.get_default_dtype()
    extra = []
    if data.size == 0:
        if data.ndim != 1:
            extra.append("size=" + str(tuple(data.shape)))
        if dtype is not default:
            extra.append("dtype=" + repr(dtype))
        body = "[]"
    else:
        if not _OPTS.edgeitems:
            extra.append("size=" + str(tuple(data.shape)))
        if not (dtype is default or dtype is _dtype.int64 or dtype is _dtype.bool_):
            extra.append("dtype=" + repr(dtype))
        body = _body(data, dtype.is_floating_point)
    extra.extend(suffixes)
    return _add_suffixes(_PREFIX + body, extra)

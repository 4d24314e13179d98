"""The op table of the tests: one OpInfo per public torchlite op.

Each entry says how to call the op (the same callable is applied to ``torch`` and to
``torchlite``: ``entry(lib, *args, **kwargs)``), how to make sample inputs for a dtype
(NumPy arrays, turned into tensors of either library by the tests), which dtypes torch
accepts, the input domain, and whether the op is differentiable.  Nothing here knows
what torch answers: the tests run torch and torchlite on the same samples and compare.

Sample arguments are plain Python values, except these leaves:

* ``np.ndarray``: becomes a tensor of the array's dtype (``from_numpy`` of a copy, strides kept);
* ``NoGrad(array)``: the same, but it never requires grad;
* ``DType("float64")``: becomes the library's dtype object.

Lists and tuples are converted element by element.  In the gradient tests every
floating tensor leaf requires grad.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import zlib
from typing import Callable

import numpy as np

FLOAT_DTYPES = ("float16", "float32", "float64")
INT_DTYPES = ("uint8", "int8", "int16", "int32", "int64")
ALL_DTYPES = FLOAT_DTYPES + INT_DTYPES + ("bool",)
NO_BOOL = FLOAT_DTYPES + INT_DTYPES
NO_HALF = ("float32", "float64") + INT_DTYPES + ("bool",)
INTS_AND_BOOL = INT_DTYPES + ("bool",)

# the broadcasting pairs every binary op is run on
BROADCAST_SHAPES = ((), (4,), (3, 4), (1, 4))
UNARY_SHAPES = ((), (0,), (5,), (3, 4), (2, 3, 2))


class NoGrad:
    """An array that becomes a tensor which never requires grad."""

    def __init__(self, array):
        self.array = array


class DType:
    """A dtype argument: becomes ``lib.<name>``."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"DType({self.name})"


@dataclasses.dataclass
class Sample:
    args: tuple
    kwargs: dict = dataclasses.field(default_factory=dict)
    name: str = ""
    gradcheck: bool = True  # smooth here: finite differences are meaningful

    def __repr__(self):
        return f"Sample({self.name or _describe(self.args)}, {self.kwargs})"


def _describe(args):
    out = []
    for a in args:
        if isinstance(a, np.ndarray):
            out.append(f"{a.dtype}{list(a.shape)}")
        elif isinstance(a, NoGrad):
            out.append(f"nograd {a.array.dtype}{list(a.array.shape)}")
        elif isinstance(a, (list, tuple)):
            out.append("[" + ", ".join(_describe(a)) + "]")
        else:
            out.append(repr(a))
    return out


class Maker:
    """Deterministic sample arrays for one (op, dtype): values inside the op's domain and
    away from its kinks (``avoid``), so finite differences are meaningful."""

    def __init__(self, info, dtype, seed=0):
        self.dtype = dtype
        self.low, self.high = info.domain
        self.avoid = info.avoid
        self.rng = np.random.default_rng(zlib.crc32(f"{info.name}/{dtype}/{seed}".encode()))

    @property
    def floating(self):
        return self.dtype in FLOAT_DTYPES

    def __call__(self, shape, dtype=None, low=None, high=None, avoid=None):
        dtype = dtype or self.dtype
        low = self.low if low is None else low
        high = self.high if high is None else high
        avoid = self.avoid if avoid is None else avoid
        shape = tuple(shape)
        if dtype == "bool":
            return np.asarray(self.rng.random(shape) < 0.5)
        if dtype in FLOAT_DTYPES:
            x = np.asarray(self.rng.uniform(low, high, shape))
            for _ in range(100):
                bad = np.zeros(shape, bool)
                for a in avoid:
                    bad |= np.abs(x - a) < 0.1
                if not bad.any():
                    break
                x[bad] = self.rng.uniform(low, high, int(bad.sum()))
            return np.asarray(x).astype(dtype)
        info = np.iinfo(dtype)
        lo = max(math.ceil(low) if low > -1e9 else -4, -4, int(info.min))
        hi = min(math.floor(high) if high < 1e9 else 4, 4, int(info.max))
        if lo > hi:
            lo, hi = 0, 1
        x = np.asarray(self.rng.integers(lo, hi + 1, shape))
        for _ in range(100):
            bad = np.isin(x, [a for a in avoid if float(a).is_integer()])
            if not bad.any():
                break
            x[bad] = self.rng.integers(lo, hi + 1, int(bad.sum()))
        return x.astype(dtype)

    def distinct(self, shape):
        """Values without ties (torch breaks ties by its selection algorithm's order)."""
        if self.dtype in FLOAT_DTYPES or self.dtype == "bool":
            return self(shape)
        n = int(np.prod(shape))
        low = 0 if self.dtype == "uint8" else -(n // 2)
        return (self.rng.permutation(n) + low).reshape(shape).astype(self.dtype)

    def index(self, shape, high):
        """int64 indices in [0, high)."""
        return np.asarray(self.rng.integers(0, high, shape)).astype(np.int64)

    def mask(self, shape):
        return np.asarray(self.rng.random(shape) < 0.5)

    def special(self, dtype=None):
        """Edge values of the dtype: signed zeros, infinities, nan, extremes."""
        dtype = dtype or self.dtype
        if dtype == "bool":
            return np.array([True, False, True])
        if dtype in FLOAT_DTYPES:
            big = float(np.finfo(dtype).max)
            return np.array([0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.5, 1e-3, 100.0, -100.0,
                             math.inf, -math.inf, math.nan, big, -big], dtype)
        info = np.iinfo(dtype)
        vals = [0, 1, 2, 3, int(info.max), int(info.max) - 1]
        if info.min < 0:
            vals += [-1, -2, int(info.min), int(info.min) + 1]
        return np.array(vals, dtype)

    def ties(self, shape=(3, 4), dtype=None):
        """Values with repeated extremes (max/min/sort ties)."""
        dtype = dtype or self.dtype
        base = np.array([2, 0, 2, 1, 1, 1, 0, 2, 0, 1, 2, 2]) if dtype != "bool" else \
            np.array([1, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1])
        n = int(np.prod(shape))
        return np.resize(base, n).reshape(shape).astype(dtype)


@dataclasses.dataclass
class OpInfo:
    name: str
    sample_fn: Callable
    op: Callable | None = None          # (lib, *args, **kwargs); default lib.<name>
    dtypes: tuple = ALL_DTYPES          # the dtypes torch accepts (a test checks this)
    domain: tuple = (-3.0, 3.0)         # input values are drawn from this interval
    avoid: tuple = ()                   # kinks: values within 0.1 are redrawn
    differentiable: bool = True
    aliases: tuple = ()                 # other public names of the same op
    covers: tuple = ()                  # further public names this entry exercises
    method: str | None = "auto"         # Tensor method name; "auto": the entry's name if torch has it
    ulp: int = 0                        # tolerance, see "numerics" below
    family: str = ""
    gradcheck: bool = True              # False: not smooth anywhere useful (floor, sign...)
    xfail: dict = dataclasses.field(default_factory=dict)  # {(test, dtype|None): reason}

    def __call__(self, lib, *args, **kwargs):
        if self.op is None:
            return getattr(lib, self.name)(*args, **kwargs)
        return self.op(lib, *args, **kwargs)

    def samples(self, dtype, seed=0):
        return list(self.sample_fn(Maker(self, dtype, seed)))

    def xfail_reason(self, test, dtype=None):
        return self.xfail.get((test, dtype)) or self.xfail.get((test, None))

    def with_name(self, name, op=None):
        return dataclasses.replace(self, name=name, op=op if op is not None else self.op,
                                   aliases=(), covers=(), method="auto")


# ======================================================================================
# Sample generators
# ======================================================================================

def s_unary(m):
    for shape in UNARY_SHAPES:
        yield Sample((m(shape),))
    yield Sample((m((4, 3)).T,), name="noncontiguous", gradcheck=False)
    yield Sample((m.special(),), name="special", gradcheck=False)


def s_unary_small(m):
    for shape in ((), (0,), (5,), (3, 4)):
        yield Sample((m(shape),))


def _scalars_for(m):
    if m.dtype == "bool":
        return (True, 2, 2.5)
    return (2, 2.5, True, -1)


def s_binary(m, other_low=None, other_high=None, other_avoid=None, scalars=True,
             number_first=False, mixed=True):
    def o(shape, dtype=None):
        return m(shape, dtype=dtype, low=other_low, high=other_high, avoid=other_avoid)

    for a, b in itertools.product(BROADCAST_SHAPES, BROADCAST_SHAPES):
        yield Sample((m(a), o(b)))
    yield Sample((m((0,)), o((0,))), name="empty")
    yield Sample((m((2, 0, 3)), o((1, 3))), name="empty broadcast")
    yield Sample((m((4, 3)).T, o((4,))), name="noncontiguous", gradcheck=False)
    yield Sample((m((3,)), o((4,))), name="shape mismatch", gradcheck=False)
    x = m((3, 4))
    y = o((3, 4))
    y[:, ::2] = x[:, ::2]
    yield Sample((x, y), name="ties", gradcheck=False)
    sp = m.special()
    yield Sample((sp, np.roll(sp, 3)), name="special pairs", gradcheck=False)
    yield Sample((sp, sp.copy()), name="special ties", gradcheck=False)
    if scalars:
        for s in _scalars_for(m):
            if other_avoid and s in other_avoid:
                continue
            if other_low is not None and not (other_low <= s <= (other_high or 1e9)):
                continue
            yield Sample((m((3, 4)), s), name=f"scalar {s!r}")
        if number_first:
            yield Sample((3, o((3, 4))), name="number first")
    if mixed:
        # promotion across categories, dimensioned and 0-dim
        for d in ("float64", "int64", "bool", "float32"):
            if d != m.dtype:
                yield Sample((m((3, 4)), o((3, 4), dtype=d)), name=f"mixed {d}")
                yield Sample((m((3, 4)), o((), dtype=d)), name=f"mixed 0-dim {d}")
                yield Sample((m(()), o((3, 4), dtype=d)), name=f"0-dim mixed {d}")


def s_compare(m):
    yield from s_binary(m)
    yield Sample((m.special(), m.special()[::-1].copy()), name="special", gradcheck=False)


def s_logical(m):
    yield from s_binary(m, scalars=False)


# ======================================================================================
# The table
# ======================================================================================

# ---------------------------------------------------------------------- numerics
# Values are compared bit for bit, except for the ops below, which may differ by ``ulp``
# units of the dtype's spacing at max(|torch|, |torchlite|, 1).  Measured on the reference
# machine (torch 2.13 CPU build, AVX512): torch's CPU kernels use SLEEF/vectorised code for
# transcendental functions (its float32 sqrt and exp are not correctly rounded there, NumPy's
# SIMD float32 exp is not either), MKL for matrix products, and its own vectorised order for
# reductions.  Where the measured difference was 0 the op stays exact.
TRANSCENDENTAL = {  # measured: at most 2 ulp
    "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt", "sin", "cos",
    "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
    "arcsin", "arccos", "arctan", "arcsinh", "arccosh", "arctanh", "sigmoid", "logit", "erf",
    "erfinv", "sinc", "pow", "float_power", "rpow", "atan2", "arctan2", "hypot", "xlogy",
    "exp_", "sigmoid_", "tanh_", "sqrt_",
}
REDUCTION_ORDER = {  # summation order: measured at most 5 ulp of max(|value|, 1)
    "sum", "nansum", "mean", "nanmean", "var", "std", "var_mean", "std_mean", "norm", "dist",
    "logsumexp", "softmax", "log_softmax", "cumsum", "cumprod", "prod", "trace",
}
MATMUL_ORDER = {  # MKL's blocking and FMAs: measured at most 9 ulp of max(|value|, 1)
    "mm", "bmm", "mv", "dot", "vdot", "inner", "matmul", "matmul_operator", "einsum", "addmm",
    "baddbmm", "cross",
}


def _numerics(info):
    if info.ulp:
        return info
    if info.name in TRANSCENDENTAL:
        info.ulp = 2
    elif info.name in REDUCTION_ORDER:
        info.ulp = 8
    elif info.name in MATMUL_ORDER:
        info.ulp = 16
    return info


OPS: list[OpInfo] = []


def add(info):
    _numerics(info)
    OPS.append(info)
    for alias in info.aliases:
        OPS.append(_numerics(info.with_name(alias, info.op)))
    return info


# --------------------------------------------------------------------------- pointwise unary

def unary(name, domain=(-3.0, 3.0), avoid=(), dtypes=ALL_DTYPES, sample_fn=s_unary, **kw):
    return add(OpInfo(name, sample_fn, dtypes=dtypes, domain=domain, avoid=avoid,
                      family="pointwise unary", **kw))


unary("exp")
unary("exp2")
unary("expm1")
unary("log", domain=(0.1, 4.0))
unary("log2", domain=(0.1, 4.0))
unary("log10", domain=(0.1, 4.0))
unary("log1p", domain=(-0.9, 3.0))
unary("sqrt", domain=(0.1, 4.0))
unary("rsqrt", domain=(0.1, 4.0))
unary("reciprocal", avoid=(0,))
unary("sin")
unary("cos")
unary("tan", domain=(-1.3, 1.3))
unary("asin", domain=(-0.9, 0.9), aliases=("arcsin",))
unary("acos", domain=(-0.9, 0.9), aliases=("arccos",))
unary("atan", aliases=("arctan",))
unary("sinh")
unary("cosh")
unary("tanh")
unary("asinh", aliases=("arcsinh",))
unary("acosh", domain=(1.1, 4.0), aliases=("arccosh",))
unary("atanh", domain=(-0.9, 0.9), aliases=("arctanh",))
unary("sigmoid")
unary("logit", domain=(0.05, 0.95), sample_fn=lambda m: s_logit(m))
unary("erf")
unary("erfinv", domain=(-0.9, 0.9))
unary("deg2rad")
unary("rad2deg")
unary("sinc", avoid=(0,))
unary("neg", dtypes=NO_BOOL, aliases=("negative",))
unary("abs", avoid=(0,), dtypes=NO_BOOL, aliases=("absolute",))
unary("sign", gradcheck=False)
unary("sgn", gradcheck=False)
unary("floor", dtypes=NO_BOOL, gradcheck=False)
unary("ceil", dtypes=NO_BOOL, gradcheck=False)
unary("round", dtypes=NO_BOOL, gradcheck=False)
unary("trunc", dtypes=NO_BOOL, gradcheck=False, aliases=("fix",))
unary("frac", dtypes=FLOAT_DTYPES, avoid=(-3, -2, -1, 0, 1, 2, 3))
unary("square")
unary("relu", avoid=(0,), dtypes=NO_BOOL)
unary("nan_to_num")
for _n in ("isnan", "isinf", "isfinite", "isposinf", "isneginf", "isreal", "signbit",
           "logical_not"):
    unary(_n, differentiable=False)
unary("bitwise_not", differentiable=False, dtypes=INTS_AND_BOOL)


def s_round_decimals(m):
    for d in (1, 2, -1):
        yield Sample((m((3, 4), low=-300, high=300),), {"decimals": d}, gradcheck=False)
    yield Sample((m.special(),), {"decimals": 2}, gradcheck=False)


add(OpInfo("round", s_round_decimals, family="pointwise unary", dtypes=FLOAT_DTYPES,
           gradcheck=False, method=None))


def s_nan_to_num(m):
    yield Sample((m.special(),), {"nan": 1.5, "posinf": 7.0, "neginf": -7.0}, gradcheck=False)
    yield Sample((m.special(),), {}, gradcheck=False)


add(OpInfo("nan_to_num", s_nan_to_num, family="pointwise unary", method=None))


def _no_negative_zero(x):
    return np.where(x == 0, x.dtype.type(0), x)


def s_logit_eps(m):
    yield Sample((m((3, 4), low=0.0, high=1.0),), {"eps": 0.2}, gradcheck=False)
    sp = _no_negative_zero(m.special())
    yield Sample((sp[~np.isnan(sp)] if m.floating else sp,), {"eps": 0.1}, gradcheck=False)


def s_logit(m):
    yield from (s for s in s_unary(m) if s.name != "special")
    # torch's logit gradient at -0. and its eps-gradient at nan depend on whether its CPU
    # kernel takes the vectorised or the scalar path (the tensor's length): left out
    yield Sample((_no_negative_zero(m.special()),), name="special without -0.", gradcheck=False)


add(OpInfo("logit", s_logit_eps, family="pointwise unary", method=None))


# in-place unary functions of the namespace: run on a clone so leaves stay leaves
def _inplace_on_clone(fname):
    return lambda lib, x, *a: getattr(lib, fname)(x.clone(), *a)


for _n, _dom in (("exp_", (-3.0, 3.0)), ("sigmoid_", (-3.0, 3.0)), ("relu_", (-3.0, 3.0)),
                 ("tanh_", (-3.0, 3.0)), ("sqrt_", (0.1, 4.0)), ("zero_", (-3.0, 3.0))):
    add(OpInfo(_n, s_unary_small, op=_inplace_on_clone(_n), domain=_dom,
               avoid=(0,) if _n == "relu_" else (), family="pointwise in-place", method=None,
               covers=("clone",), dtypes={"relu_": NO_BOOL, "zero_": ALL_DTYPES}.get(
                   _n, FLOAT_DTYPES)))


def s_fill(m):
    yield Sample((m((3, 4)), 2.5))
    yield Sample((m((3, 4)), 2))
    yield Sample((m(()), True))
    yield Sample((m((3, 4)), m((), dtype="float64")), name="0-dim tensor value")


add(OpInfo("fill_", s_fill, op=_inplace_on_clone("fill_"), family="pointwise in-place",
           method=None))


def s_copy(m):
    yield Sample((m((3, 4)), m((3, 4))))
    yield Sample((m((3, 4)), m((4,))), name="broadcast")
    yield Sample((m((3, 4)), m((3, 4), dtype="float64")), name="other dtype")
    yield Sample((m((3, 4)), m((5,))), name="mismatch", gradcheck=False)


add(OpInfo("copy_", s_copy, op=lambda lib, x, y: x.clone().copy_(y), method=None,
           family="pointwise in-place"))

# --------------------------------------------------------------------------- pointwise binary


def binary(name, sample_fn=s_binary, dtypes=ALL_DTYPES, **kw):
    return add(OpInfo(name, sample_fn, dtypes=dtypes, family="pointwise binary", **kw))


binary("add")
binary("sub", dtypes=NO_BOOL, aliases=("subtract",))
binary("mul", aliases=("multiply",))
binary("div", sample_fn=lambda m: s_binary(m, other_avoid=(0,)),
       aliases=("divide", "true_divide"))
binary("rsub", dtypes=NO_BOOL, method=None)
binary("atan2", avoid=(0,), aliases=("arctan2",),
       sample_fn=lambda m: s_binary(m, other_avoid=(0,), scalars=False))
binary("hypot", dtypes=FLOAT_DTYPES, sample_fn=lambda m: s_binary(m, scalars=False))
binary("maximum", sample_fn=lambda m: s_binary(m, scalars=False))
binary("minimum", sample_fn=lambda m: s_binary(m, scalars=False))
binary("fmax", sample_fn=lambda m: s_binary(m, scalars=False))
binary("fmin", sample_fn=lambda m: s_binary(m, scalars=False))
binary("xlogy", sample_fn=lambda m: s_binary(m, other_low=0.1, other_high=3.0, number_first=True))
binary("floor_divide", gradcheck=False, dtypes=NO_BOOL,
       sample_fn=lambda m: s_binary(m, other_avoid=(0,)))
binary("remainder", dtypes=NO_BOOL, sample_fn=lambda m: s_binary(m, other_avoid=(0,)),
       gradcheck=False)
binary("fmod", dtypes=NO_BOOL, sample_fn=lambda m: s_binary(m, other_avoid=(0,)), gradcheck=False)
for _n in ("eq", "ne", "lt", "le", "gt", "ge"):
    binary(_n, sample_fn=s_compare, differentiable=False,
           aliases={"ne": ("not_equal",), "lt": ("less",), "le": ("less_equal",),
                    "gt": ("greater",), "ge": ("greater_equal",)}.get(_n, ()))
for _n in ("logical_and", "logical_or", "logical_xor"):
    binary(_n, sample_fn=s_logical, differentiable=False)
for _n in ("bitwise_and", "bitwise_or", "bitwise_xor"):
    binary(_n, differentiable=False, dtypes=INTS_AND_BOOL)
for _n in ("bitwise_left_shift", "bitwise_right_shift"):
    binary(_n, differentiable=False, dtypes=INT_DTYPES,
           sample_fn=lambda m: s_binary(m, other_low=0, other_high=3, scalars=False))


def s_add_alpha(m):
    a = 2 if m.dtype != "bool" else True
    yield Sample((m((3, 4)), m((4,))), {"alpha": a})
    yield Sample((m((3, 4)), 3), {"alpha": a})
    yield Sample((m((3, 4)), m((3, 4))), {"alpha": 0.5}, name="float alpha")


add(OpInfo("add", s_add_alpha, family="pointwise binary", method=None))
add(OpInfo("sub", s_add_alpha, family="pointwise binary", dtypes=NO_BOOL, method=None))


def s_div_mode(m):
    for mode in ("trunc", "floor"):
        for a, b in (((3, 4), (4,)), ((), (3, 4)), ((3, 4), ())):
            yield Sample((m(a), m(b, avoid=(0,))), {"rounding_mode": mode}, gradcheck=False)
        yield Sample((m((3, 4)), 2), {"rounding_mode": mode}, gradcheck=False)
        yield Sample((m.special(), m.special()[::-1].copy()), {"rounding_mode": mode},
                     gradcheck=False, name="special")
    yield Sample((m((3, 4)), m((4,))), {"rounding_mode": "bad"}, gradcheck=False)


add(OpInfo("div", s_div_mode, family="pointwise binary", dtypes=NO_BOOL, gradcheck=False,
           method=None))


def s_pow(m):
    for a, b in itertools.product(BROADCAST_SHAPES, BROADCAST_SHAPES):
        yield Sample((m(a), m(b, low=-2.0, high=2.0) if m.floating else m(b, low=0, high=3)))
    yield Sample((m((0,)), m((0,))), name="empty")
    for e in (2, 3, 0.5, -1, 0, 1.5, -2.5, True):
        yield Sample((m((3, 4)), e), name=f"exponent {e!r}")
    yield Sample((m((3,)), m((4,))), name="shape mismatch", gradcheck=False)
    for d in ("float64", "int64"):
        if d != m.dtype:
            yield Sample((m((3, 4)), m((), dtype=d, low=0, high=2)), name=f"mixed 0-dim {d}")


add(OpInfo("pow", s_pow, family="pointwise binary", domain=(0.5, 2.0), dtypes=NO_BOOL))


def s_pow_special(m):
    x = m.special()
    yield Sample((x, x[::-1].copy()), name="special", gradcheck=False)
    yield Sample((x, 2), name="special ^ 2", gradcheck=False)
    yield Sample((x, 0.5), name="special ^ 0.5", gradcheck=False)
    yield Sample((x, 0), name="special ^ 0", gradcheck=False)
    if m.dtype not in FLOAT_DTYPES:
        yield Sample((x, -1), name="int ^ -1", gradcheck=False)


add(OpInfo("pow", s_pow_special, family="pointwise binary", gradcheck=False, method=None,
           dtypes=NO_BOOL))


def s_pow_scalar_base(m):
    for base in (2, 2.5, 0, -1.5):
        yield Sample((m((3, 4), low=-2.0, high=2.0),), {"base": base})


add(OpInfo("pow", s_pow_scalar_base, op=lambda lib, x, base: lib.pow(base, x),
           family="pointwise binary", method=None, domain=(-2.0, 2.0)))
add(OpInfo("rpow", s_pow_scalar_base, op=lambda lib, x, base: base ** x,
           family="pointwise binary", method=None, domain=(-2.0, 2.0)))


def s_float_power(m):
    yield Sample((m((3, 4)), m((4,), low=-2.0, high=2.0) if m.floating else m((4,), low=0, high=3)))
    yield Sample((m((3, 4)), 2))
    yield Sample((m((3, 4)), 0.5))


add(OpInfo("float_power", s_float_power, family="pointwise binary", domain=(0.5, 2.0)))


# number-first operators (``2 - x``, ``2 / x``...) record torch's own nodes
def s_rop(m):
    for s in _scalars_for(m):
        yield Sample((m((3, 4)), s), name=f"{s!r}")
    yield Sample((m(()), 3))


for _n, _f in (("radd", lambda lib, x, s: s + x), ("rsub_operator", lambda lib, x, s: s - x),
               ("rmul", lambda lib, x, s: s * x), ("rtruediv", lambda lib, x, s: s / x),
               ("rfloordiv", lambda lib, x, s: s // x), ("rmod", lambda lib, x, s: s % x)):
    add(OpInfo(_n, s_rop, op=_f, family="pointwise binary", method=None,
               avoid=(0,) if _n in ("rtruediv", "rfloordiv", "rmod") else (),
               dtypes=NO_BOOL if _n in ("rsub_operator", "rfloordiv", "rmod") else ALL_DTYPES,
               gradcheck=_n not in ("rfloordiv", "rmod")))


# --------------------------------------------------------------------------- ternary


def s_where(m):
    for c, a, b in (((3, 4), (3, 4), (3, 4)), ((3, 4), (4,), ()), ((1, 4), (3, 1), (4,)),
                    ((), (3, 4), (3, 4)), ((0,), (0,), (1,))):
        yield Sample((m.mask(c), m(a), m(b)))
    yield Sample((m.mask((3, 4)), m((3, 4)), 2.5), name="scalar other")
    yield Sample((m.mask((3, 4)), 2, m((3, 4))), name="scalar input")
    yield Sample((m.mask((3, 4)), m((3, 4)), m((3, 4), dtype="float64")), name="mixed")
    yield Sample((m.mask((3,)), m((4,)), m((4,))), name="mismatch", gradcheck=False)
    yield Sample((m((3, 4), dtype="float32"), m((3, 4)), m((3, 4))), name="float condition",
                 gradcheck=False)


add(OpInfo("where", s_where, family="ternary", method=None))
add(OpInfo("where_method", lambda m: (s for s in s_where(m) if isinstance(s.args[1], np.ndarray)),
           op=lambda lib, c, x, y: x.where(c, y), family="ternary", method=None))


def s_where_nonzero(m):
    yield Sample((m((3, 4)),))
    yield Sample((m((5,)),))
    yield Sample((m(()),))


add(OpInfo("where", s_where_nonzero, family="ternary", differentiable=False, method=None))


def s_lerp(m):
    for a, b, w in (((3, 4), (3, 4), 0.3), ((3, 4), (4,), 0.7), ((), (3, 4), 0.5)):
        yield Sample((m(a), m(b), w))
    yield Sample((m((3, 4)), m((3, 4)), m((3, 4), low=0.0, high=1.0)), name="tensor weight")
    yield Sample((m((3, 4)), m((4,)), m((), low=0.0, high=1.0)), name="0-dim weight")
    yield Sample((m((3, 4)), m((3, 4), dtype="float64"), 0.5), name="mixed", gradcheck=False)


add(OpInfo("lerp", s_lerp, family="ternary", dtypes=FLOAT_DTYPES))


def s_addc(m, low=None):
    for a, b, c in (((3, 4), (3, 4), (3, 4)), ((3, 4), (4,), (3, 1)), ((), (4,), (4,))):
        yield Sample((m(a), m(b), m(c, low=low)))
    yield Sample((m((3, 4)), m((3, 4)), m((3, 4), low=low)), {"value": 2 if m.dtype != "bool" else True})
    if m.floating:
        yield Sample((m((3, 4)), m((3, 4)), m((3, 4), low=low)), {"value": 0.5})


add(OpInfo("addcmul", s_addc, family="ternary", dtypes=NO_BOOL))
add(OpInfo("addcdiv", lambda m: s_addc(m, low=0.5), family="ternary", dtypes=FLOAT_DTYPES))


def s_clamp(m):
    lo, hi = (-1, 2) if m.dtype != "uint8" else (1, 3)
    for shape in ((), (3, 4), (0,)):
        yield Sample((m(shape),), {"min": lo, "max": hi})
    yield Sample((m((3, 4)),), {"min": lo})
    yield Sample((m((3, 4)),), {"max": hi})
    yield Sample((m((3, 4)),), {"min": -0.5, "max": 1.5}, name="float bounds")
    yield Sample((m((3, 4)),), {"min": 2, "max": 1}, name="min > max")
    yield Sample((m((3, 4)),), {}, name="no bounds", gradcheck=False)
    yield Sample((m((3, 4)),), {"min": m((4,)), "max": m((3, 1))}, name="tensor bounds")
    yield Sample((m((3, 4)),), {"min": m((4,))}, name="tensor min")
    yield Sample((m((3, 4)),), {"max": m(())}, name="tensor max")
    yield Sample((m.special(),), {"min": lo, "max": hi}, name="special", gradcheck=False)


add(OpInfo("clamp", s_clamp, family="ternary", avoid=(-1, 2, 1, -0.5, 1.5, 3), aliases=("clip",)))


def s_clamp_bounds(m):
    """Inputs exactly at the bounds: torch passes the gradient through (mask is >= / <=)."""
    x = np.array([-1.0, 0.0, 2.0, 3.0, -1.0, 2.0]).astype(m.dtype)
    yield Sample((x,), {"min": -1, "max": 2}, gradcheck=False)
    yield Sample((x,), {"min": -1.0}, gradcheck=False)
    yield Sample((x,), {"max": 2.0}, gradcheck=False)
    yield Sample((x,), {"min": NoGrad(np.array(-1.0).astype(m.dtype)),
                        "max": np.array([2.0] * 6).astype(m.dtype)}, gradcheck=False)
    yield Sample((x,), {"min": np.array([0.0] * 6).astype(m.dtype),
                        "max": np.array([0.0] * 6).astype(m.dtype)}, gradcheck=False,
                 name="min == max")


add(OpInfo("clamp", s_clamp_bounds, family="ternary", method=None))


def s_clamp_min(m):
    yield Sample((m((3, 4)), 1))
    yield Sample((m((3, 4)), 0.5))
    yield Sample((m((3, 4)), m((4,))), name="tensor")


add(OpInfo("clamp_min", s_clamp_min, family="ternary", avoid=(1, 0.5)))
add(OpInfo("clamp_max", s_clamp_min, family="ternary", avoid=(1, 0.5)))


# --------------------------------------------------------------------------- comparisons


def s_isclose(m):
    x = m((3, 4))
    y = x.copy()
    if x.size:
        y.reshape(-1)[::2] = m((6,)).reshape(-1)
    yield Sample((x, y))
    yield Sample((x, y), {"rtol": 0.5, "atol": 1.0})
    yield Sample((m.special(), m.special()), {"equal_nan": True})
    yield Sample((m.special(), m.special()))
    yield Sample((m((3, 4)), m((3, 4), dtype="float64" if m.dtype != "float64" else "float32")),
                 name="dtype mismatch")


for _n in ("isclose", "allclose"):
    add(OpInfo(_n, s_isclose, family="comparison", differentiable=False))


def s_equal(m):
    x = m((3, 4))
    yield Sample((x, x.copy()))
    yield Sample((x, m((3, 4))))
    yield Sample((x, m((4,))))
    yield Sample((m.special(), m.special()))


add(OpInfo("equal", s_equal, family="comparison", differentiable=False))


# --------------------------------------------------------------------------- reductions


REDUCE_DIMS = ((None, False), (0, False), (-1, True), (1, False), ((0, 1), False),
               ((-1, 0), True), ((), False))


def s_reduce(m, dims=REDUCE_DIMS, shapes=((), (5,), (3, 4), (2, 3, 2)), empty=True,
             special=True, call_dims=True):
    for shape in shapes:
        yield Sample((m(shape),))
    if not call_dims:
        return
    for dim, keepdim in dims:
        if dim is None:
            yield Sample((m((3, 4)),), {"keepdim": keepdim} if keepdim else {})
            continue
        yield Sample((m((3, 4)), dim), {"keepdim": keepdim})
    yield Sample((m((2, 3, 2)), 1), {"keepdim": False})
    yield Sample((m(()), 0), {"keepdim": True}, name="0-dim dim 0")
    yield Sample((m((3, 4)), 2), name="dim out of range", gradcheck=False)
    if empty:
        yield Sample((m((0, 3)),), name="empty")
        yield Sample((m((0, 3)), 1), name="empty rows")
        yield Sample((m((0, 3)), 0), name="empty dim")
    if special:
        yield Sample((m.special(),), name="special", gradcheck=False)


def s_sum(m):
    yield from s_reduce(m)
    yield Sample((m((3, 4)),), {"dtype": DType("float64")}, name="dtype")
    yield Sample((m((3, 4)), 1), {"dtype": DType("int32"), "keepdim": True}, name="dim dtype",
                 gradcheck=False)
    yield Sample((m((3, 4)), [0, 1]), name="dim list")


add(OpInfo("sum", s_sum, family="reduction"))
add(OpInfo("nansum", s_sum, family="reduction"))


def s_mean(m):
    yield from s_reduce(m)
    yield Sample((m((3, 4)),), {"dtype": DType("float64")}, name="dtype")
    yield Sample((m((3, 4)), 1), {"dtype": DType("float32")}, name="dim dtype")


add(OpInfo("mean", s_mean, family="reduction", dtypes=FLOAT_DTYPES))
add(OpInfo("nanmean", s_mean, family="reduction", dtypes=FLOAT_DTYPES))


def s_prod(m):
    for shape in ((), (5,), (3, 4)):
        yield Sample((m(shape),))
    for dim, keepdim in ((0, False), (-1, True), (1, False)):
        yield Sample((m((3, 4)), dim), {"keepdim": keepdim})
    yield Sample((m((0, 3)),), name="empty")
    yield Sample((m((0, 3)), 0), name="empty dim")
    yield Sample((m((3, 4)),), {"dtype": DType("float64")}, name="dtype")
    z = m((3, 4))
    z[0, 1] = 0
    yield Sample((z,), name="one zero", gradcheck=False)
    yield Sample((z, 1), name="one zero dim", gradcheck=False)
    z2 = z.copy()
    z2[0, 2] = 0
    z2[2, 1] = 0
    yield Sample((z2,), name="two zeros", gradcheck=False)
    yield Sample((z2, 1), name="two zeros dim", gradcheck=False)
    yield Sample((z2, 0), {"keepdim": True}, name="two zeros dim 0", gradcheck=False)
    yield Sample((m.special(),), name="special", gradcheck=False)


add(OpInfo("prod", s_prod, family="reduction", domain=(0.5, 1.5)))


def s_maxmin(m):
    for shape in ((), (5,), (3, 4)):
        yield Sample((m(shape),))
    for dim, keepdim in ((0, False), (-1, True), (1, False)):
        yield Sample((m((3, 4)), dim), {"keepdim": keepdim})
    yield Sample((m(()), 0), name="0-dim dim")
    yield Sample((m((3, 4)), m((4,))), name="binary")
    yield Sample((m((0, 3)),), name="empty", gradcheck=False)
    yield Sample((m((0, 3)), 1), name="empty rows", gradcheck=False)
    yield Sample((m((0, 3)), 0), name="empty dim", gradcheck=False)
    yield Sample((m.ties(),), name="ties", gradcheck=False)
    yield Sample((m.ties(), 1), name="ties dim", gradcheck=False)
    yield Sample((m.ties(), 0), {"keepdim": True}, name="ties dim 0", gradcheck=False)
    yield Sample((m.special(),), name="special", gradcheck=False)
    yield Sample((np.resize(m.special(), (4, 4)), 1), name="special dim", gradcheck=False)


add(OpInfo("max", s_maxmin, family="reduction"))
add(OpInfo("min", s_maxmin, family="reduction"))


def s_amax(m):
    for shape in ((), (5,), (3, 4)):
        yield Sample((m(shape),))
    for dim, keepdim in ((0, False), (-1, True), ((0, 1), False), ((), False), (1, True)):
        yield Sample((m((3, 4)), dim), {"keepdim": keepdim})
    yield Sample((m((0, 3)), 1), name="empty rows")
    yield Sample((m((0, 3)),), name="empty", gradcheck=False)
    yield Sample((m.ties(),), name="ties", gradcheck=False)
    yield Sample((m.ties(), 1), name="ties dim", gradcheck=False)
    yield Sample((m.special(),), name="special", gradcheck=False)


add(OpInfo("amax", s_amax, family="reduction"))
add(OpInfo("amin", s_amax, family="reduction"))


def s_aminmax(m):
    yield Sample((m((3, 4)),))
    yield Sample((m((3, 4)),), {"dim": 1})
    yield Sample((m((3, 4)),), {"dim": 0, "keepdim": True})
    yield Sample((m(()),))
    yield Sample((m.ties(),), name="ties", gradcheck=False)


add(OpInfo("aminmax", s_aminmax, family="reduction", differentiable=False))


def s_argmax(m):
    for shape in ((), (5,), (3, 4)):
        yield Sample((m(shape),))
    for dim, keepdim in ((0, False), (-1, True), (1, False)):
        yield Sample((m((3, 4)), dim), {"keepdim": keepdim})
    yield Sample((m((3, 4)),), {"keepdim": True}, name="keepdim no dim")
    yield Sample((m((0, 3)),), name="empty")
    yield Sample((m((0, 3)), 1), name="empty rows")
    yield Sample((m.ties(),), name="ties")
    yield Sample((m.ties(), 1), name="ties dim")
    yield Sample((m.special(),), name="special")


add(OpInfo("argmax", s_argmax, family="reduction", differentiable=False, dtypes=NO_BOOL))
add(OpInfo("argmin", s_argmax, family="reduction", differentiable=False, dtypes=NO_BOOL))


def s_var(m):
    for shape in ((5,), (3, 4)):
        yield Sample((m(shape),))
    yield Sample((m(()),), name="0-dim", gradcheck=False)
    for dim, keepdim in ((0, False), (-1, True), ((0, 1), False), (1, False)):
        yield Sample((m((3, 4)), dim), {"keepdim": keepdim})
    yield Sample((m((3, 4)),), {"correction": 0})
    yield Sample((m((3, 4)), 1), {"correction": 2})
    yield Sample((m((3, 4)), 1), {"unbiased": False})
    yield Sample((m((3, 4)), False), name="unbiased positional")
    yield Sample((m((1, 4)), 0), name="one element per row", gradcheck=False)
    yield Sample((m((0, 3)), 1), name="empty rows", gradcheck=False)
    yield Sample((np.ones((3, 4), m.dtype), 1), name="constant rows", gradcheck=False)


for _n in ("var", "std", "var_mean", "std_mean"):
    add(OpInfo(_n, s_var, family="reduction", dtypes=FLOAT_DTYPES))


def s_norm(m):
    for p in (2, 1, math.inf, -math.inf, 3, 0.5, "fro"):
        yield Sample((m((3, 4)), p), gradcheck=p != 0.5)
    yield Sample((m((3, 4)),))
    yield Sample((m(()),))
    yield Sample((m((3, 4)), 2, 1), name="dim")
    yield Sample((m((3, 4)), 1, (0, 1), True), name="dims keepdim")
    yield Sample((m((3, 4)),), {"p": math.inf, "dim": 0}, name="inf dim")
    yield Sample((m((3, 4)), 0), name="p=0", gradcheck=False)
    yield Sample((np.zeros((3, 4), m.dtype),), name="zeros", gradcheck=False)
    yield Sample((np.zeros((3, 4), m.dtype), 1), name="zeros p=1", gradcheck=False)
    yield Sample((np.zeros((3, 4), m.dtype), 3), name="zeros p=3", gradcheck=False)
    yield Sample((m.ties(), math.inf), name="ties inf", gradcheck=False)
    yield Sample((m((0, 3)),), name="empty", gradcheck=False)


add(OpInfo("norm", s_norm, family="reduction", dtypes=FLOAT_DTYPES, avoid=(0,)))


def s_dist(m):
    yield Sample((m((3, 4)), m((4,))))
    yield Sample((m((3, 4)), m((3, 4)), 1))
    yield Sample((m((3, 4)), m((3, 4)), math.inf))
    yield Sample((m((3, 4)), m((3, 4)), 3))


add(OpInfo("dist", s_dist, family="reduction", dtypes=FLOAT_DTYPES))


def s_logsumexp(m):
    for dim, keepdim in ((0, False), (-1, True), ((0, 1), False), (1, False)):
        yield Sample((m((3, 4)), dim), {"keepdim": keepdim})
    yield Sample((m(()), 0))
    yield Sample((m((0, 3)), 1), name="empty rows")
    yield Sample((m((0, 3)), 0), name="empty dim")
    yield Sample((np.resize(m.special(), (4, 4)), 1), name="special", gradcheck=False)
    yield Sample((np.full((3, 4), -np.inf, m.dtype) if m.floating else m((3, 4)), 1),
                 name="all -inf", gradcheck=False)


add(OpInfo("logsumexp", s_logsumexp, family="reduction"))


def s_scan(m, zeros=False):
    for shape, dim in (((5,), 0), ((3, 4), 1), ((3, 4), 0), ((3, 4), -1), ((), 0),
                       ((2, 3, 2), 1), ((0, 3), 1)):
        yield Sample((m(shape), dim))
    yield Sample((m((3, 4)), 1), {"dtype": DType("float64")}, name="dtype")
    yield Sample((m.special(), 0), name="special", gradcheck=False)
    if zeros:
        z = m((3, 4))
        z[1, 1] = 0
        z[2, 0] = 0
        z[2, 3] = 0
        yield Sample((z, 1), name="zeros", gradcheck=False)
        yield Sample((z, 0), name="zeros dim 0", gradcheck=False)


add(OpInfo("cumsum", s_scan, family="scan"))
add(OpInfo("cumprod", lambda m: s_scan(m, zeros=True), family="scan", domain=(0.5, 1.5)))


def s_cumext(m):
    for shape, dim in (((5,), 0), ((3, 4), 1), ((3, 4), 0), ((), 0), ((0, 3), 1)):
        yield Sample((m(shape), dim))
    yield Sample((m.ties(), 1), name="ties", gradcheck=False)
    yield Sample((m.special(), 0), name="special", gradcheck=False)


add(OpInfo("cummax", s_cumext, family="scan"))
add(OpInfo("cummin", s_cumext, family="scan"))


def s_logical_reduce(m):
    yield from s_reduce(m, dims=((None, False), (0, False), (1, True), (-1, False), ((0, 1), False)),
                        special=True)


add(OpInfo("all", s_logical_reduce, family="reduction", differentiable=False))
add(OpInfo("any", s_logical_reduce, family="reduction", differentiable=False))


def s_count_nonzero(m):
    yield Sample((m((3, 4)),))
    yield Sample((m((3, 4)), 1))
    yield Sample((m((3, 4)), (0, 1)))
    yield Sample((m(()),))
    yield Sample((m.special(),))


add(OpInfo("count_nonzero", s_count_nonzero, family="reduction", differentiable=False))


def s_sort(m):
    yield Sample((m((5,)),))
    yield Sample((m((3, 4)),))
    yield Sample((m((3, 4)), 0))
    yield Sample((m((3, 4)),), {"descending": True})
    yield Sample((m((3, 4)), 0, True))
    yield Sample((m(()),))
    yield Sample((m((0, 3)),))
    yield Sample((m.ties(),), {"stable": True}, name="ties stable", gradcheck=False)
    yield Sample((m.ties(),), {"descending": True, "stable": True}, name="ties stable desc",
                 gradcheck=False)
    yield Sample((m.special(),), {"stable": True}, name="special", gradcheck=False)
    yield Sample((m.special(),), {"descending": True, "stable": True}, name="special desc",
                 gradcheck=False)


add(OpInfo("sort", s_sort, family="sort"))
add(OpInfo("argsort", s_sort, family="sort", differentiable=False))


def s_msort(m):
    yield Sample((m((5,)),))
    yield Sample((m((3, 4)),))
    yield Sample((m.special(),), gradcheck=False)


add(OpInfo("msort", s_msort, family="sort"))


def s_topk(m):
    yield Sample((m.distinct((5,)), 2))
    yield Sample((m.distinct((3, 4)), 3))
    yield Sample((m.distinct((3, 4)), 2, 0))
    yield Sample((m.distinct((3, 4)), 2), {"largest": False})
    yield Sample((m((3, 4)), 0), name="k=0")
    yield Sample((m((3, 4)), 5), name="k too large", gradcheck=False)
    yield Sample((m(()), 1), name="0-dim")
    yield Sample((m.special(), 4), name="special", gradcheck=False)
    yield Sample((m.special(), 4), {"largest": False}, name="special smallest", gradcheck=False)


add(OpInfo("topk", s_topk, family="sort", dtypes=NO_BOOL))


def s_kthvalue(m):
    yield Sample((m.distinct((5,)), 2))
    yield Sample((m.distinct((3, 4)), 3))
    yield Sample((m.distinct((3, 4)), 2, 0))
    yield Sample((m.distinct((3, 4)), 2, 0, True))
    yield Sample((m(()), 1), name="0-dim")
    yield Sample((m((3, 4)), 5), name="k too large", gradcheck=False)
    yield Sample((m.special(), 4), name="special", gradcheck=False)


add(OpInfo("kthvalue", s_kthvalue, family="sort", dtypes=NO_BOOL))


def s_median(m):
    yield Sample((m((5,)),))
    yield Sample((m((3, 4)),))
    yield Sample((m.distinct((3, 4)), 1))
    yield Sample((m.distinct((3, 4)), 0, True))
    yield Sample((m(()),))
    yield Sample((m((0, 3)),), name="empty", gradcheck=False)
    yield Sample((m.ties(),), name="ties", gradcheck=False)
    yield Sample((m.special(),), name="special", gradcheck=False)


add(OpInfo("median", s_median, family="sort", dtypes=NO_BOOL))


# With ties, which index torch's selection (nth_element / partial sort) returns is an
# implementation detail: these entries compare the values only.
def s_select_ties(m):
    yield Sample((m.ties(), 2), name="ties")
    yield Sample((m.ties(), 2, 0), name="ties dim 0")
    sp = m.special()
    yield Sample((np.resize(np.where(sp == 0, sp.dtype.type(0), sp), (4, 4)), 2),
                 name="special (no -0.: 0. and -0. tie)")


add(OpInfo("topk", s_select_ties, op=lambda lib, x, k, *a: lib.topk(x, k, *a).values,
           family="sort", differentiable=False, method=None, dtypes=NO_BOOL))
add(OpInfo("kthvalue", s_select_ties, op=lambda lib, x, k, *a: lib.kthvalue(x, k, *a).values,
           family="sort", differentiable=False, method=None, dtypes=NO_BOOL))
add(OpInfo("median", lambda m: (Sample((m.ties(), 1)), Sample((m.ties(), 0, True)),
                                Sample((np.resize(np.where(m.special() == 0, 0, m.special())
                                                  .astype(m.special().dtype), (4, 4)), 1))),
           op=lambda lib, x, *a: lib.median(x, *a).values, family="sort", differentiable=False,
           method=None, dtypes=NO_BOOL))


def s_unique(m):
    yield Sample((m.ties(),))
    yield Sample((m.ties(),), {"return_inverse": True})
    yield Sample((m.ties(),), {"return_counts": True, "return_inverse": True})
    yield Sample((m.ties(),), {"sorted": True, "return_counts": True})
    yield Sample((m.ties(),), {"dim": 0})
    yield Sample((m(()),))


add(OpInfo("unique", s_unique, family="sort", gradcheck=False))


def s_softmax(m):
    for shape, dim in (((5,), 0), ((3, 4), 1), ((3, 4), 0), ((3, 4), -1), ((), 0),
                       ((2, 3, 2), 1), ((0, 3), 1)):
        yield Sample((m(shape), dim))
    yield Sample((m((3, 4)), 1, DType("float64")), name="dtype")
    yield Sample((m((3, 4)), 1), {"dtype": DType("float32")}, name="dtype kw")
    yield Sample((np.resize(m.special(), (4, 4)), 1), name="special", gradcheck=False)
    if m.floating:
        for v in (math.nan, math.inf, -math.inf):
            yield Sample((np.array(v, m.dtype), 0), name=f"0-dim {v}", gradcheck=False)


add(OpInfo("softmax", s_softmax, family="softmax", dtypes=FLOAT_DTYPES))
add(OpInfo("log_softmax", s_softmax, family="softmax", dtypes=FLOAT_DTYPES))


# --------------------------------------------------------------------------- linalg

LINALG_DTYPES = ("float16", "float32", "float64") + INT_DTYPES


def s_mm(m):
    yield Sample((m((3, 4)), m((4, 2))))
    yield Sample((m((1, 4)), m((4, 1))))
    yield Sample((m((0, 4)), m((4, 2))), name="empty rows")
    yield Sample((m((3, 0)), m((0, 2))), name="empty inner")
    yield Sample((m((4, 3)).T, m((2, 4)).T), name="noncontiguous", gradcheck=False)
    yield Sample((m((3, 4)), m((3, 2))), name="mismatch", gradcheck=False)
    yield Sample((m((3, 4)), m((4,))), name="not a matrix", gradcheck=False)
    yield Sample((m((3, 4)), m((4, 2), dtype="float64" if m.dtype != "float64" else "float32")),
                 name="dtype mismatch", gradcheck=False)


add(OpInfo("mm", s_mm, family="linalg", dtypes=LINALG_DTYPES))


def s_bmm(m):
    yield Sample((m((2, 3, 4)), m((2, 4, 2))))
    yield Sample((m((0, 3, 4)), m((0, 4, 2))), name="empty batch")
    yield Sample((m((2, 3, 4)), m((3, 4, 2))), name="batch mismatch", gradcheck=False)
    yield Sample((m((2, 3, 4)), m((4, 2))), name="not 3-d", gradcheck=False)


add(OpInfo("bmm", s_bmm, family="linalg", dtypes=LINALG_DTYPES))


def s_mv(m):
    yield Sample((m((3, 4)), m((4,))))
    yield Sample((m((0, 4)), m((4,))), name="empty")
    yield Sample((m((3, 4)), m((3,))), name="mismatch", gradcheck=False)


add(OpInfo("mv", s_mv, family="linalg", dtypes=LINALG_DTYPES))


def s_dot(m):
    yield Sample((m((4,)), m((4,))))
    yield Sample((m((0,)), m((0,))), name="empty")
    yield Sample((m((4,)), m((3,))), name="mismatch", gradcheck=False)
    yield Sample((m((2, 2)), m((4,))), name="2-d", gradcheck=False)
    yield Sample((m((4,)), m((4,), dtype="float64" if m.dtype != "float64" else "float32")),
                 name="dtype mismatch", gradcheck=False)


add(OpInfo("dot", s_dot, family="linalg", dtypes=LINALG_DTYPES))
add(OpInfo("vdot", s_dot, family="linalg", dtypes=LINALG_DTYPES))


def s_inner(m):
    yield from s_dot(m)
    yield Sample((m((3, 4)), m((2, 4))), name="matrices")
    yield Sample((m((2, 3, 4)), m((4,))), name="3-d and 1-d")
    yield Sample((m(()), m((3, 4))), name="scalar")


add(OpInfo("inner", s_inner, family="linalg", dtypes=LINALG_DTYPES))

MATMUL_SHAPES = (
    ((4,), (4,)), ((3, 4), (4,)), ((4,), (4, 2)), ((3, 4), (4, 2)),
    ((2, 3, 4), (4,)), ((2, 3, 4), (4, 2)), ((4,), (2, 4, 3)), ((3, 4), (2, 4, 2)),
    ((2, 3, 4), (2, 4, 2)), ((2, 1, 3, 4), (5, 4, 2)), ((1, 3, 4), (2, 4, 2)),
    ((2, 2, 3, 4), (4,)), ((4,), (2, 2, 4, 3)), ((0, 3, 4), (4, 2)), ((3, 0), (0, 2)),
)


def s_matmul(m):
    for a, b in MATMUL_SHAPES:
        yield Sample((m(a), m(b)), name=f"{a}@{b}")
    for a, b in (((3, 4), (3, 2)), ((4,), (3,)), ((), (4,)), ((2, 3, 4), (3, 4, 2)),
                 ((2, 3, 4), (3,)), ((3,), (2, 4, 3))):
        yield Sample((m(a), m(b)), name=f"bad {a}@{b}", gradcheck=False)


add(OpInfo("matmul", s_matmul, family="linalg", dtypes=LINALG_DTYPES))
add(OpInfo("matmul_operator", s_matmul, op=lambda lib, a, b: a @ b, family="linalg",
           dtypes=LINALG_DTYPES, method=None))


def s_outer(m):
    yield Sample((m((3,)), m((4,))))
    yield Sample((m((0,)), m((4,))))
    yield Sample((m((3,)), m((4,), dtype="float64" if m.dtype != "float64" else "int64")),
                 name="mixed", gradcheck=False)
    yield Sample((m((3, 1)), m((4,))), name="2-d", gradcheck=False)


add(OpInfo("outer", s_outer, family="linalg", aliases=("ger",)))


def s_cross(m):
    yield Sample((m((4, 3)), m((4, 3))), {"dim": 1})
    yield Sample((m((3, 2)), m((3, 2))), {"dim": 0})
    yield Sample((m((3,)), m((3,))), {"dim": -1})
    yield Sample((m((2, 3)), m((3,))), {"dim": -1}, name="broadcast")
    yield Sample((m((4, 3)), m((4, 3))), name="no dim")
    yield Sample((m((4, 2)), m((4, 2))), {"dim": 1}, name="not 3", gradcheck=False)


add(OpInfo("cross", s_cross, family="linalg", dtypes=NO_BOOL))


def s_addmm(m):
    yield Sample((m((3, 2)), m((3, 4)), m((4, 2))))
    yield Sample((m((2,)), m((3, 4)), m((4, 2))), name="broadcast bias")
    yield Sample((m(()), m((3, 4)), m((4, 2))), name="0-dim bias")
    yield Sample((m((3, 2)), m((3, 4)), m((4, 2))), {"beta": 2, "alpha": 3})
    if m.floating:
        yield Sample((m((3, 2)), m((3, 4)), m((4, 2))), {"beta": 0.5, "alpha": -1.5})
    yield Sample((m((3, 2)), m((3, 4)), m((3, 2))), name="mismatch", gradcheck=False)


add(OpInfo("addmm", s_addmm, family="linalg", dtypes=LINALG_DTYPES))


def s_baddbmm(m):
    yield Sample((m((2, 3, 2)), m((2, 3, 4)), m((2, 4, 2))))
    yield Sample((m((3, 2)), m((2, 3, 4)), m((2, 4, 2))), name="broadcast")
    yield Sample((m((2, 3, 2)), m((2, 3, 4)), m((2, 4, 2))), {"beta": 2, "alpha": 3})


add(OpInfo("baddbmm", s_baddbmm, family="linalg", dtypes=LINALG_DTYPES))

EINSUM_CASES = (
    ("ij,jk->ik", ((3, 4), (4, 2))), ("bij,bjk->bik", ((2, 3, 4), (2, 4, 2))),
    ("ii->i", ((3, 3),)), ("ii", ((3, 3),)), ("ij->ji", ((3, 4),)), ("ij->", ((3, 4),)),
    ("ij->j", ((3, 4),)), ("i,i->", ((4,), (4,))), ("i,j->ij", ((3,), (4,))),
    ("ij,j->i", ((3, 4), (4,))), ("bn,bn->b", ((3, 4), (3, 4))), ("ij,ij->ij", ((3, 4), (3, 4))),
    ("...ij,...jk->...ik", ((2, 3, 4), (2, 4, 2))), ("ij,jk,kl->il", ((2, 3), (3, 4), (4, 2))),
    ("bhqd,bhkd->bhqk", ((2, 2, 3, 4), (2, 2, 5, 4))), ("ij,kj->ik", ((3, 4), (2, 4))),
    ("i...->...", ((3, 4),)), ("ijk->kji", ((2, 3, 4),)), ("ij,jk", ((3, 4), (4, 2))),
    ("ij,jk->ik", ((3, 4), (3, 2))),
)


def s_einsum(m):
    for eq, shapes in EINSUM_CASES:
        bad = eq == "ij,jk->ik" and shapes[1] == (3, 2)
        yield Sample((eq,) + tuple(m(s) for s in shapes), name=eq + (" mismatch" if bad else ""),
                     gradcheck=not bad)
    yield Sample(("ij,jk->ik", [m((3, 4)), m((4, 2))]), name="list operands")


add(OpInfo("einsum", s_einsum, family="linalg", dtypes=NO_BOOL, method=None))


# --------------------------------------------------------------------------- shape ops


def shape_op(name, sample_fn, op=None, **kw):
    return add(OpInfo(name, sample_fn, op=op, family="shape", **kw))


def s_view(m):
    yield Sample((m((3, 4)), (4, 3)))
    yield Sample((m((3, 4)), (-1,)))
    yield Sample((m((3, 4)), (2, -1, 2)))
    yield Sample((m(()), (1,)))
    yield Sample((m((1,)), ()))
    yield Sample((m((0, 4)), (4, 0)))
    yield Sample((m((3, 4)), (5, -1)), name="bad size", gradcheck=False)
    yield Sample((m((4, 3)).T, (12,)), name="noncontiguous", gradcheck=False)


shape_op("view", s_view, op=lambda lib, x, s: x.view(s), method=None)
shape_op("reshape", s_view)


def s_flatten(m):
    yield Sample((m((2, 3, 2)),))
    yield Sample((m((2, 3, 2)), 1))
    yield Sample((m((2, 3, 2)), 0, 1))
    yield Sample((m(()),))
    yield Sample((m((2, 3, 2)), 2, 1), name="bad dims", gradcheck=False)


shape_op("flatten", s_flatten)


def s_unflatten(m):
    yield Sample((m((3, 4)), 1, (2, 2)))
    yield Sample((m((3, 4)), 0, (3, 1)))
    yield Sample((m((3, 4)), -1, (-1, 2)))


shape_op("unflatten", s_unflatten)


def s_squeeze(m):
    yield Sample((m((1, 3, 1)),))
    yield Sample((m((1, 3, 1)), 0))
    yield Sample((m((1, 3, 1)), 1))
    yield Sample((m((1, 3, 1)), (0, 2)))
    yield Sample((m(()),))
    yield Sample((m(()), 0))
    yield Sample((m((1, 3, 1)), 3), name="bad dim", gradcheck=False)


shape_op("squeeze", s_squeeze)


def s_unsqueeze(m):
    for d in (0, 1, -1, 2):
        yield Sample((m((3, 4)), d))
    yield Sample((m(()), 0))
    yield Sample((m((3, 4)), 3), name="bad dim", gradcheck=False)


shape_op("unsqueeze", s_unsqueeze)


def s_transpose(m):
    yield Sample((m((3, 4)), 0, 1))
    yield Sample((m((2, 3, 4)), -1, 0))
    yield Sample((m((2, 3, 4)), 1, 1))
    yield Sample((m(()), 0, -1))
    yield Sample((m((3, 4)), 0, 2), name="bad dim", gradcheck=False)


shape_op("transpose", s_transpose, aliases=("swapaxes", "swapdims"))


def s_t(m):
    yield Sample((m((3, 4)),))
    yield Sample((m((4,)),))
    yield Sample((m(()),))
    yield Sample((m((2, 3, 4)),), name="3-d", gradcheck=False)


shape_op("t", s_t)


# the in-place view methods (TBackward1, TransposeBackward1, SqueezeBackward3/4,
# UnsqueezeBackward1), run on a clone so leaves stay leaves
def _method_on_clone(mname):
    return lambda lib, x, *a: getattr(x.clone(), mname)(*a)


for _n, _s in (("t_", s_t), ("transpose_", s_transpose), ("squeeze_", s_squeeze),
               ("unsqueeze_", s_unsqueeze)):
    add(OpInfo(_n, _s, op=_method_on_clone(_n), family="shape in-place", method=None,
               covers=("clone",)))


def s_permute(m):
    yield Sample((m((2, 3, 4)), (2, 0, 1)))
    yield Sample((m((2, 3, 4)), (-1, 1, 0)))
    yield Sample((m(()), ()))
    yield Sample((m((2, 3, 4)), (0, 1)), name="bad", gradcheck=False)


shape_op("permute", s_permute)


def s_movedim(m):
    yield Sample((m((2, 3, 4)), 0, 2))
    yield Sample((m((2, 3, 4)), (0, 1), (2, 0)))
    yield Sample((m((2, 3, 4)), -1, 0))


shape_op("movedim", s_movedim, aliases=("moveaxis",))


def s_expand(m):
    yield Sample((m((3, 1)), (3, 4)))
    yield Sample((m((4,)), (2, 3, 4)))
    yield Sample((m((3, 1)), (-1, 4)))
    yield Sample((m(()), (2, 2)))
    yield Sample((m((3, 2)), (3, 4)), name="bad", gradcheck=False)


shape_op("expand", s_expand, op=lambda lib, x, s: x.expand(s), method=None)
shape_op("broadcast_to", s_expand)


def s_broadcast_tensors(m):
    yield Sample((m((3, 1)), m((4,)), m(())))
    yield Sample((m((3, 4)),))
    yield Sample((m((3,)), m((4,))), name="bad", gradcheck=False)


shape_op("broadcast_tensors", s_broadcast_tensors, method=None)


def s_repeat(m):
    yield Sample((m((3, 2)), (2, 1)))
    yield Sample((m((3, 2)), (2, 2, 3)))
    yield Sample((m(()), (3,)))
    yield Sample((m((4,)), (2, 0)))
    yield Sample((m((3, 2)), (2,)), name="too few", gradcheck=False)


shape_op("repeat", s_repeat, op=lambda lib, x, r: x.repeat(r), method=None)
shape_op("tile", s_repeat)


def s_cat(m):
    yield Sample(([m((2, 3)), m((4, 3))],))
    yield Sample(([m((2, 3)), m((2, 1))], 1))
    yield Sample(([m((2, 3)), m((2, 3))], -1))
    yield Sample(((m((3,)), m((0,))),), name="tuple with empty")
    yield Sample(([m((2, 3)), m((2, 3), dtype="float64" if m.dtype != "float64" else "int64")],),
                 name="mixed dtypes", gradcheck=False)
    yield Sample(([m((2, 3)), m((2, 4))],), name="mismatch", gradcheck=False)
    yield Sample(([m(()), m(())],), name="0-dim", gradcheck=False)
    yield Sample(([],), name="empty list", gradcheck=False)


shape_op("cat", s_cat, aliases=("concat", "concatenate"), method=None)


def s_stack(m):
    yield Sample(([m((2, 3)), m((2, 3))],))
    yield Sample(([m((2, 3)), m((2, 3)), m((2, 3))], 1))
    yield Sample(([m((2, 3)), m((2, 3))], -1))
    yield Sample(([m(()), m(())],))
    yield Sample(([m((2, 3)), m((3, 2))],), name="mismatch", gradcheck=False)


shape_op("stack", s_stack, method=None)


def s_hvstack(m):
    yield Sample(([m((2, 3)), m((2, 3))],))
    yield Sample(([m((3,)), m((3,))],))
    yield Sample(([m(()), m(())],))


shape_op("hstack", s_hvstack, method=None)
shape_op("vstack", s_hvstack, method=None)


def s_split(m):
    yield Sample((m((5, 3)), 2))
    yield Sample((m((5, 3)), [1, 4]))
    yield Sample((m((5, 3)), 2, 1))
    yield Sample((m((5, 3)), 5))
    yield Sample((m((5, 3)), [2, 2]), name="bad sizes", gradcheck=False)


shape_op("split", s_split)


def s_chunk(m):
    yield Sample((m((5, 3)), 2))
    yield Sample((m((5, 3)), 3, 1))
    yield Sample((m((5, 3)), 6))
    yield Sample((m((5, 3)), 0), name="zero chunks", gradcheck=False)


shape_op("chunk", s_chunk)


def s_unbind(m):
    yield Sample((m((3, 4)),))
    yield Sample((m((3, 4)), 1))
    yield Sample((m((2, 3, 2)), -1))


shape_op("unbind", s_unbind)


def s_tensor_split(m):
    yield Sample((m((7, 3)), 3))
    yield Sample((m((7, 3)), [1, 5]))
    yield Sample((m((7, 3)), 2, 1))


shape_op("tensor_split", s_tensor_split)


def s_narrow(m):
    yield Sample((m((5, 3)), 0, 1, 3))
    yield Sample((m((5, 3)), 1, 0, 2))
    yield Sample((m((5, 3)), -1, 1, 0))
    yield Sample((m((5, 3)), 0, 4, 3), name="too long", gradcheck=False)


shape_op("narrow", s_narrow)


def s_select(m):
    yield Sample((m((3, 4)), 0, 1))
    yield Sample((m((3, 4)), 1, -1))
    yield Sample((m((3, 4)), 0, 3), name="out of range", gradcheck=False)


shape_op("select", s_select)


def s_index_select(m):
    yield Sample((m((3, 4)), 0, m.index((5,), 3)))
    yield Sample((m((3, 4)), 1, m.index((2,), 4)))
    yield Sample((m((3, 4)), 1, m.index((0,), 4)))
    yield Sample((m((4,)), 0, m.index((), 4)))
    yield Sample((m((3, 4)), 0, np.array([0, 3])), name="out of range", gradcheck=False)


shape_op("index_select", s_index_select)


def s_gather(m):
    yield Sample((m((3, 4)), 1, m.index((3, 2), 4)))
    yield Sample((m((3, 4)), 0, m.index((2, 4), 3)))
    yield Sample((m((3, 4)), -1, m.index((3, 6), 4)), name="repeats")
    yield Sample((m((3, 4)), 1, m.index((3, 2), 4).astype(np.int32)), name="int32 index",
                 gradcheck=False)


shape_op("gather", s_gather)


def _perm_index(m, rows, cols, n):
    return np.stack([m.rng.permutation(n)[:cols] for _ in range(rows)]).astype(np.int64)


def s_scatter(m):
    yield Sample((m((3, 5)), 1, _perm_index(m, 3, 2, 5), m((3, 2))))
    yield Sample((m((3, 5)), 1, _perm_index(m, 2, 3, 5), m((3, 4))), name="src larger")
    yield Sample((m((3, 5)), 1, _perm_index(m, 3, 2, 5)), {"value": 2}, name="value")
    yield Sample((m((3, 5)), 1, _perm_index(m, 3, 2, 5), m((3, 2))), {"reduce": "add"},
                 name="reduce add", gradcheck=False)


shape_op("scatter", s_scatter)


def s_scatter_add(m):
    yield Sample((m((3, 5)), 1, m.index((3, 4), 5), m((3, 4))))
    yield Sample((m((3, 5)), 0, m.index((4, 5), 3), m((4, 5))))


shape_op("scatter_add", s_scatter_add)


def s_index_add(m):
    yield Sample((m((4, 3)), 0, m.index((5,), 4), m((5, 3))))
    yield Sample((m((4, 3)), 1, m.index((2,), 3), m((4, 2))), {"alpha": 2})


shape_op("index_add", s_index_add)


def s_masked_fill(m):
    yield Sample((m((3, 4)), m.mask((3, 4)), 2.5 if m.floating else 2))
    yield Sample((m((3, 4)), m.mask((4,)), 0))
    yield Sample((m((3, 4)), m.mask((3, 4)), m((), dtype=m.dtype)), name="tensor value")
    yield Sample((m((3, 4)), m.mask((3, 4)), m((4,))), name="1-d value", gradcheck=False)
    yield Sample((m((3, 4)), m.index((3, 4), 2), 0), name="int mask", gradcheck=False)


shape_op("masked_fill", s_masked_fill)


def s_masked_select(m):
    yield Sample((m((3, 4)), m.mask((3, 4))))
    yield Sample((m((3, 4)), m.mask((4,))))
    yield Sample((m((4,)), m.mask((3, 4))), name="broadcast input")


shape_op("masked_select", s_masked_select)


def s_masked_scatter(m):
    yield Sample((m((3, 4)), m.mask((3, 4)), m((12,))))
    yield Sample((m((3, 4)), m.mask((4,)), m((3, 4))))


shape_op("masked_scatter", s_masked_scatter, op=lambda lib, x, mk, s: x.masked_scatter(mk, s),
         method=None)


def s_flip(m):
    yield Sample((m((3, 4)), (0,)))
    yield Sample((m((3, 4)), (0, 1)))
    yield Sample((m((2, 3, 4)), (-1,)))
    yield Sample((m(()), ()))


shape_op("flip", s_flip)


def s_fliplr(m):
    yield Sample((m((3, 4)),))
    yield Sample((m((2, 3, 4)),))
    yield Sample((m((4,)),), name="1-d", gradcheck=False)


shape_op("fliplr", s_fliplr)
shape_op("flipud", s_fliplr)


def s_roll(m):
    yield Sample((m((3, 4)), 1))
    yield Sample((m((3, 4)), 1, 0))
    yield Sample((m((3, 4)), (1, -2), (0, 1)))
    yield Sample((m((3, 4)), -5, 1))


shape_op("roll", s_roll)


def s_tri(m):
    for d in (0, 1, -1, 5):
        yield Sample((m((3, 4)), d))
    yield Sample((m((2, 3, 3)),))
    yield Sample((m((4,)),), name="1-d", gradcheck=False)


shape_op("tril", s_tri)
shape_op("triu", s_tri)


def s_diag(m):
    yield Sample((m((4,)),))
    yield Sample((m((4,)), 1))
    yield Sample((m((3, 4)),))
    yield Sample((m((3, 4)), -1))
    yield Sample((m((3, 4)), 2))
    yield Sample((m((2, 3, 4)),), name="3-d", gradcheck=False)


shape_op("diag", s_diag)


def s_diag_embed(m):
    yield Sample((m((3,)),))
    yield Sample((m((2, 3)), 1))
    yield Sample((m((2, 3)), 0, 0, 2))


shape_op("diag_embed", s_diag_embed)


def s_diagonal(m):
    yield Sample((m((3, 4)),))
    yield Sample((m((3, 4)), 1))
    yield Sample((m((3, 4)), -2))
    yield Sample((m((2, 3, 4)), 0, 1, 2))
    yield Sample((m((2, 3, 4)), 1, -1, 0))
    yield Sample((m((3, 4)), 5))


shape_op("diagonal", s_diagonal)


def s_trace(m):
    yield Sample((m((3, 4)),))
    yield Sample((m((3, 3)),))
    yield Sample((m((4,)),), name="1-d", gradcheck=False)


shape_op("trace", s_trace, dtypes=NO_BOOL)


def s_clone(m):
    yield Sample((m((3, 4)),))
    yield Sample((m(()),))
    yield Sample((m((4, 3)).T,), name="noncontiguous", gradcheck=False)


shape_op("clone", s_clone)


def s_as_strided(m):
    yield Sample((m((3, 4)), (2, 2), (1, 2)))
    yield Sample((m((3, 4)), (3,), (4,), 1))
    yield Sample((m((3, 4)), (2, 3), (4, 1), 2))


shape_op("as_strided", s_as_strided)


def s_getitem(m):
    x = lambda: m((3, 4))  # noqa: E731
    yield Sample((x(), 1), name="int")
    yield Sample((x(), -1), name="negative int")
    yield Sample((x(), (slice(None), 2)), name="column")
    yield Sample((x(), slice(1, None)), name="slice")
    yield Sample((x(), (slice(None, None, 2), slice(1, 3))), name="strided")
    yield Sample((x(), (None, 1)), name="None")
    yield Sample((x(), (Ellipsis, 0)), name="Ellipsis")
    yield Sample((x(), m.mask((3, 4))), name="bool mask")
    yield Sample((x(), m.mask((3,))), name="row mask")
    yield Sample((x(), np.array([0, 2, 2])), name="int array")
    yield Sample((x(), (np.array([0, 2]), np.array([1, 3]))), name="two int arrays")
    yield Sample((x(), (slice(None), np.array([[0, 1], [3, 3]]))), name="2-d index")
    yield Sample((x(), [0, 2]), name="list")
    yield Sample((m(()), ()), name="0-dim empty tuple")
    yield Sample((m(()), None), name="0-dim None")
    yield Sample((x(), 3), name="out of range", gradcheck=False)
    yield Sample((x(), (0, 0, 0)), name="too many", gradcheck=False)


shape_op("getitem", s_getitem, op=lambda lib, x, idx: x[idx], method=None)


def s_nonzero(m):
    yield Sample((m((3, 4)),))
    yield Sample((m((5,)),))
    yield Sample((m(()),))
    yield Sample((m((3, 4)),), {"as_tuple": True})


shape_op("nonzero", s_nonzero, differentiable=False)
shape_op("argwhere", lambda m: (s for s in s_nonzero(m) if not s.kwargs), differentiable=False)


def s_take(m):
    yield Sample((m((3, 4)), m.index((5,), 12)))
    yield Sample((m((3, 4)), m.index((2, 2), 12)))
    yield Sample((m((3, 4)), np.array([12])), name="out of range", gradcheck=False)


shape_op("take", s_take)


def s_take_along_dim(m):
    yield Sample((m((3, 4)), m.index((3, 2), 4), 1))
    yield Sample((m((3, 4)), m.index((5,), 12)))
    yield Sample((m((3, 4)), m.index((1, 4), 3), 0))


shape_op("take_along_dim", s_take_along_dim)


def s_index_put(m):
    yield Sample((m((3, 4)), (m.index((2,), 3),), m((2, 4))))
    yield Sample((m((3, 4)), (np.array([0, 2]), np.array([1, 1])), m((2,))))
    yield Sample((m((3, 4)), (np.array([0, 0]), np.array([1, 1])), m((2,)), True), name="accumulate")


shape_op("index_put", s_index_put)


# ======================================================================================
# Lookups for the tests
# ======================================================================================

def op_ids():
    """Unique ids: the name, then #2, #3... for further entries of the same name."""
    seen = {}
    ids = []
    for info in OPS:
        n = seen.get(info.name, 0) + 1
        seen[info.name] = n
        ids.append(info.name if n == 1 else f"{info.name}#{n}")
    return ids


def covered_names():
    """Every public name an entry exercises."""
    names = set()
    for info in OPS:
        names.add(info.name)
        names.update(info.covers)
    return names


# ======================================================================================
# Known bugs in files this table's owner does not own: strict xfails, so they fail (and
# get removed) the day the bug is fixed.  {op id: {(test, dtype or None): reason}}
# ======================================================================================

_ALL = None
_FLOATS = FLOAT_DTYPES
XFAILS = {
}


def _apply_xfails():
    ids = op_ids()
    for op_id, info in zip(ids, OPS):
        if op_id in XFAILS:
            info.xfail = dict(XFAILS[op_id])
    unknown = set(XFAILS) - set(ids)
    if unknown:
        raise KeyError(f"XFAILS for unknown op ids: {sorted(unknown)}")


_apply_xfails()

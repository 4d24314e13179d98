"""torch's CPU random generator, reproduced bit for bit in NumPy.

torch's CPU generator is a 32-bit Mersenne Twister (mt19937).  NumPy's ``MT19937`` bit generator
runs the same recurrence, so this module keeps its stream there and only re-creates, per
distribution, the way torch turns raw 32-bit outputs into values.  Everything below was worked
out by experiment against torch 2.13 (CPU build) and is checked by ``tests/test_random.py``:

* seeding: the 624-word state is filled from ``seed & 0xffffffff`` by the usual mt19937 init;
  the full 64-bit seed is only remembered (``initial_seed``).  Negative seeds wrap mod 2**64.
* ``random()`` is one 32-bit output, ``random64()`` is two: ``(first << 32) | second``.
* uniform: 24 bits of one output for float32/float16, 53 bits of ``random64()`` for float64;
  ``x * (to - from) + from`` is evaluated with a fused multiply-add (float32 arithmetic for
  float32/float16, float64 for float64); a result equal to ``to`` (after the cast to the
  tensor's dtype) is replaced by ``from``.
* normal, fewer than 16 elements (or a non-contiguous tensor): scalar Box-Muller in float64
  from two 53-bit uniforms (``r = sqrt(-2 log1p(-u2))``, ``theta = 2 pi u1``); the sine
  half is cached in the generator (shared by every dtype, part of the state bytes).
* normal, 16 or more elements: all uniforms are drawn first, then transformed in blocks of
  16 (first 8 = radius source, last 8 = angle); when the size is not a multiple of 16 the
  last 16 elements are redrawn and transformed again.  float64 uses libm's log/cos/sin;
  float32 uses the 8-wide AVX "mathfun" polynomials (log256_ps / sincos256_ps, with the
  multiply-adds the compiler fuses) and a final fused ``n * std + mean``; float16 draws one
  16-block at a time, runs the float32 transform and rounds.
* randint / random_: ``(v % range) + from`` with ``v = random64()`` when range >= 2**28,
  else ``random()``; float dtypes first nudge from/to to representable values.
* randperm: n < 214748364: Fisher-Yates with ``random() % (n - i)``; larger n: the
  "inside-out" shuffle with ``random64() % (i + 1)``.
* bernoulli: ``uniform < p`` (53-bit uniforms for a float p or a float64 p tensor, 24-bit
  uniforms against the float32 value of p otherwise).

This matches torch on CPUs where torch runs its AVX2 or AVX512 kernels (every x86-64 CPU
from the last decade); torch's plain (non-AVX) kernel computes float32 ``randn`` of 16 or
more elements with libm's float functions instead, which is not reproduced.
"""

import math
import os
from fractions import Fraction
import struct
import warnings

import numpy as np

__all__ = [
    "Generator", "default_generator", "manual_seed", "initial_seed", "seed",
    "get_rng_state", "set_rng_state",
]

_MT_N = 624
_STATE_SIZE = 5056          # sizeof(CPUGeneratorImplState) in torch
_DEFAULT_SEED = 67280421310721
_TWO_PI = 2.0 * math.pi
_RANDPERM_SMALL = 4294967295 // 20      # randperm switches algorithm at n >= this
_RANGE_64 = 1 << 28                     # randint switches to 64-bit draws at range >= this

_U64 = np.uint64
_F32 = np.float32

# dtype descriptions used by torch's messages
_C_NAME = {  # c10 type names in "... is out of bounds for <name>"
    np.dtype(np.float32): "float", np.dtype(np.float64): "double",
    np.dtype(np.float16): "c10::Half", np.dtype(np.int64): "long int",
    np.dtype(np.int32): "int", np.dtype(np.int16): "short int",
    np.dtype(np.int8): "signed char", np.dtype(np.uint8): "unsigned char",
    np.dtype(np.bool_): "bool",
}
_SCALAR_NAME = {np.dtype(np.float32): "Float", np.dtype(np.float64): "Double",
                np.dtype(np.float16): "Half", np.dtype(np.int64): "Long",
                np.dtype(np.int32): "Int", np.dtype(np.int16): "Short",
                np.dtype(np.int8): "Char", np.dtype(np.uint8): "Byte",
                np.dtype(np.bool_): "Bool", np.dtype(np.complex64): "ComplexFloat",
                np.dtype(np.complex128): "ComplexDouble"}
_FLOAT_DIGITS = {np.dtype(np.float16): 11, np.dtype(np.float32): 24, np.dtype(np.float64): 53}
_INT_LIMITS = {np.dtype(t): (int(np.iinfo(t).min), int(np.iinfo(t).max))
               for t in (np.int64, np.int32, np.int16, np.int8, np.uint8)}
_INT_LIMITS[np.dtype(np.bool_)] = (0, 1)


def _fmt(x):
    """A double the way C++'s ostream prints it (precision 6, like %g)."""
    if isinstance(x, float):
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
        return "%g" % x
    return str(x)


def _shape(shape):
    if isinstance(shape, (int, np.integer)):
        return (int(shape),)
    return tuple(int(s) for s in shape)


def _numel(shape):
    n = 1
    for s in shape:
        n *= s
    return n


# ---------------------------------------------------------------------------------------------
# exact fused multiply-add in NumPy

def _two_sum(a, b):
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _round_to_odd(s, err):
    """s = RN(x), err = x - s exactly; returns x rounded to odd at float64 precision."""
    need = (err != 0) & ((s.view(np.int64) & 1) == 0)
    if need.any():
        s = s.copy()
        s[need] = np.nextafter(s[need], np.where(err[need] > 0, np.inf, -np.inf))
    return s


def _fma32(a, b, c):
    """Correctly rounded float32 fma(a, b, c).  a*b is exact in float64; the float64 sum is
    re-done with round-to-odd where rounding twice could differ from rounding once (a float64
    sum sitting exactly on a float32 rounding midpoint, or one in float32's subnormal range)."""
    p = np.asarray(np.multiply(a, b, dtype=np.float64))
    s = np.asarray(np.add(p, c, dtype=np.float64))
    bits = s.view(np.uint64)
    risky = (bits & _U64(0x1FFFFFFF)) == _U64(0x10000000)
    risky |= (bits & _U64(0x7FFFFFFFFFFFFFFF)) < _U64(0x3820000000000000)   # |s| < 2**-125
    if risky.any():
        s = s.copy()
        sr, er = _two_sum(np.broadcast_to(p, s.shape)[risky],
                          np.broadcast_to(np.asarray(c, np.float64), s.shape)[risky])
        s[risky] = _round_to_odd(sr, er)
    return s.astype(np.float32)


def _split(a):
    t = a * 134217729.0
    hi = t - (t - a)
    return hi, a - hi


def _fma64(a, b, c):
    """Correctly rounded float64 fma (Boldo-Melquiond: exact product, exact sum, round to odd)."""
    with np.errstate(invalid="ignore", over="ignore"):
        return _fma64_body(*np.broadcast_arrays(np.asarray(a, np.float64), np.asarray(b, np.float64),
                                                np.asarray(c, np.float64)))


def _fma64_body(a, b, c):
    uh = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    ul = ((ah * bh - uh) + ah * bl + al * bh) + al * bl
    th, tl = _two_sum(c, uh)
    v, verr = _two_sum(tl, ul)
    v = _round_to_odd(np.asarray(v, np.float64), np.asarray(verr, np.float64))
    r = np.where(v == 0, th, th + v)     # keep the sign of an exact zero
    # inf/nan inputs: the error terms are meaningless, plain arithmetic is right
    bad = ~np.isfinite(uh) | ~np.isfinite(c)
    if bad.any():
        r = np.where(bad, a * b + c, r)
    # the splitting is not exact near underflow or overflow: do those few exactly
    fa, fb, fc = np.abs(a), np.abs(b), np.abs(c)
    edge = ~bad & (((np.abs(uh) < 2.0 ** -960) & (uh != 0)) | ((fc < 2.0 ** -960) & (fc != 0))
                   | (fa > 2.0 ** 960) | (fb > 2.0 ** 960) | (fc > 2.0 ** 1000))
    if edge.any():
        r = np.array(r, np.float64)
        for k in zip(*np.nonzero(edge)):
            exact = Fraction(float(a[k])) * Fraction(float(b[k])) + Fraction(float(c[k]))
            try:
                r[k] = float(exact)
            except OverflowError:
                r[k] = math.inf if exact > 0 else -math.inf
    return r


# ---------------------------------------------------------------------------------------------
# float32 math as in the AVX "mathfun" routines torch uses for randn (fused where GCC fuses)

def _log_ps(x):
    """log of float32 values in (0, 1] (the cephes polynomial of log256_ps)."""
    bits = x.view(np.uint32)
    e = ((bits >> np.uint32(23)).astype(np.int32) - 126).astype(np.float32)
    m = ((bits & np.uint32(0x807FFFFF)) | np.uint32(0x3F000000)).view(np.float32)  # in [0.5, 1)
    small = m < _F32(0.707106781186547524)
    xm = m - _F32(1)
    xm = np.where(small, xm + m, xm)
    e = np.where(small, e - _F32(1), e)
    z = xm * xm
    y = _F32(7.0376836292e-2)
    x64 = xm.astype(np.float64)
    for coef in (-1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1, 1.4249322787e-1,
                 -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1):
        y = _fma32(y, x64, _F32(coef))
    y = y * xm
    y = _fma32(y, z, e * _F32(-2.12194440e-4))
    y = _fma32(-z, _F32(0.5), y)
    return _fma32(e, _F32(0.693359375), xm + y)


def _sincos_ps(x):
    """(sin, cos) of non-negative float32 values (sincos256_ps)."""
    j = (x * _F32(1.27323954473516)).astype(np.int32)
    j = (j + 1) & ~1
    y = j.astype(np.float32).astype(np.float64)
    x = _fma32(y, _F32(-0.78515625), x)
    x = _fma32(y, _F32(-2.4187564849853515625e-4), x)
    x = _fma32(y, _F32(-3.77489497744594108e-8), x)
    sign_sin = ((j & 4) << 29).astype(np.uint32)
    sign_cos = (((~(j - 2)) & 4) << 29).astype(np.uint32)
    poly = (j & 2) == 0
    z = x * x
    z64 = z.astype(np.float64)
    yc = _fma32(_F32(2.443315711809948e-5), z64, _F32(-1.388731625493765e-3))
    yc = _fma32(yc, z64, _F32(4.166664568298827e-2))
    yc = yc * z
    yc = _fma32(yc, z64, -(z * _F32(0.5)))
    yc = yc + _F32(1)
    ys = _fma32(_F32(-1.9515295891e-4), z64, _F32(8.3321608736e-3))
    ys = _fma32(ys, z64, _F32(-1.6666654611e-1))
    ys = ys * z
    ys = _fma32(ys, x, x)
    s = np.where(poly, ys, yc).view(np.uint32) ^ sign_sin
    c = np.where(poly, yc, ys).view(np.uint32) ^ sign_cos
    return s.view(np.float32), c.view(np.float32)


def _box_muller16_f32(u, mean, std):
    """u: (k, 16) float32 uniforms -> (k, 16) float32 normals (torch's AVX block transform)."""
    radius = np.sqrt(_F32(-2) * _log_ps(_F32(1) - u[:, :8]))
    s, c = _sincos_ps(_F32(_TWO_PI) * u[:, 8:])
    out = np.empty(u.shape, np.float32)
    out[:, :8] = radius * c
    out[:, 8:] = radius * s
    if not (mean == 0 and std == 1):
        out = _fma32(out, _F32(std), _F32(mean))
    return out


def _libm(fn, x):
    """Apply a libm function (via the math module) elementwise to a float64 array."""
    return np.fromiter(map(fn, x.ravel().tolist()), np.float64, x.size).reshape(x.shape)


def _box_muller16_f64(u, mean, std):
    radius = np.sqrt(-2.0 * _libm(math.log, 1.0 - u[:, :8]))
    theta = _TWO_PI * u[:, 8:]
    out = np.empty(u.shape, np.float64)
    out[:, :8] = radius * _libm(math.cos, theta)
    out[:, 8:] = radius * _libm(math.sin, theta)
    if not (mean == 0 and std == 1):
        out = _fma64(out, std, mean)
    return out


# ---------------------------------------------------------------------------------------------
# randperm shuffles, vectorised (each is a sequence of swaps that a loop would do one by one)

def _index_type(n):
    return np.int32 if n < (1 << 31) else np.int64


def _group_by_target(target):
    """Sort the steps by (target, step).  Returns the order, the sorted targets, and, per sorted
    position, the step before it with the same target (-1 if none)."""
    n = target.size
    it = _index_type(n)
    keys = target.astype(np.int64) * n
    keys += np.arange(n, dtype=np.int64)
    order = np.argsort(keys).astype(it)
    del keys
    tg = target[order]
    prev = np.full(n, -1, it)
    same = tg[1:] == tg[:-1]
    prev[1:][same] = order[:-1][same]
    return order, tg, prev


def _group_ends(tg):
    """Sorted positions that end a run of equal targets."""
    last = np.ones(tg.size, bool)
    np.not_equal(tg[1:], tg[:-1], out=last[:-1])
    return np.flatnonzero(last)


def _pointer_root(parent):
    """Follow parent pointers (-1 = root) to the root of every node."""
    root = np.arange(parent.size, dtype=parent.dtype)
    np.copyto(root, parent, where=parent >= 0)
    while True:
        nxt = root[root]
        if np.array_equal(nxt, root):
            return root
        root = nxt


def _swap_forward(j):
    """a = arange(n); for i in range(n - 1): swap a[i], a[j[i]]   (j[i] >= i), vectorised.

    Let out[k] be the value at position k just before step k.  Position k keeps its own value
    k unless an earlier step m targeted it, which moved out[m] there: so out[k] = out[parent[k]]
    with parent[k] the last such m (a chain that ends at a never-targeted index).  Step i then
    takes the value at its target, which is out[m] for the last earlier step m with the same
    target, else the target's own index."""
    n = j.size + 1
    it = _index_type(n)
    jj = np.empty(n, it)
    jj[:-1] = j
    jj[-1] = n - 1           # a do-nothing last step makes a[n-1] = out[n-1]
    order, tg, prev_sorted = _group_by_target(jj)
    ends = _group_ends(tg)
    g, m = tg[ends], order[ends]
    parent = np.full(n, -1, it)
    # every step with target g has index <= g: the last one before g is the group's last
    # entry, or the one before it when that last entry is step g itself
    parent[g] = np.where(m < g, m, prev_sorted[ends])
    del g, m, ends, tg
    out = _pointer_root(parent)
    del parent
    prev = np.empty(n, it)
    prev[order] = prev_sorted
    del order, prev_sorted
    res = out[np.maximum(prev, 0)]
    np.copyto(res, jj, where=prev < 0)
    return res


def _swap_inside_out(z):
    """b = arange(n); for i in range(n): swap b[i], b[z[i]]   (z[i] <= i), vectorised.

    Step i puts value i at position z[i] and pulls position z[i]'s value to i.  Position p ends
    with value t if a step t > p targets it last; otherwise with what step p pulled in: the
    value of the last step before p that targeted z[p] (if after step z[p]), else, following
    the chain, whatever step z[p] pulled in itself (or z[p] when z[p] == p)."""
    n = z.size
    it = _index_type(n)
    z = z.astype(it)
    steps = np.arange(n, dtype=it)
    order, tg, prev_sorted = _group_by_target(z)
    ends = _group_ends(tg)
    last_t = np.full(n, -1, it)
    last_t[tg[ends]] = order[ends]
    del ends, tg
    pred = np.empty(n, it)
    pred[order] = prev_sorted
    del order, prev_sorted
    pred[pred == z] = -1                     # steps targeting z[p] all have index >= z[p]
    parent = np.where((z < steps) & (pred < 0), z, it(-1))
    root = _pointer_root(parent)
    del parent
    np.copyto(pred, steps, where=z == steps)
    del z
    res = pred[root]
    del root, pred
    np.copyto(res, last_t, where=last_t > steps)
    return res


# ---------------------------------------------------------------------------------------------

def _check_seed(seed):
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise RuntimeError("manual_seed expected a long, but got " + type(seed).__name__)
    if isinstance(seed, np.integer):
        raise TypeError("an integer is required")
    if seed < -(1 << 63) or seed >= (1 << 64):
        raise ValueError("Overflow when unpacking long long")
    return seed & 0xFFFFFFFFFFFFFFFF


def _mt_key(seed):
    s = seed & 0xFFFFFFFF
    key = [0] * _MT_N
    key[0] = s
    for i in range(1, _MT_N):
        s = (1812433253 * (s ^ (s >> 30)) + i) & 0xFFFFFFFF
        key[i] = s
    return np.array(key, np.uint32)


class Generator:
    """A CPU random generator whose streams are bit-identical to torch's."""

    __slots__ = ("_bg", "_seed", "_fresh", "_normal_d", "_normal_f", "__weakref__")

    def __init__(self, seed=_DEFAULT_SEED):
        self._bg = np.random.MT19937(0)
        self.manual_seed(seed)

    # -- seeding and state -------------------------------------------------------------------
    def manual_seed(self, seed):
        seed = _check_seed(seed)
        self._bg.state = {"bit_generator": "MT19937",
                          "state": {"key": _mt_key(seed), "pos": _MT_N}}
        self._seed = seed
        self._fresh = True
        self._normal_d = None
        self._normal_f = None
        return self

    def initial_seed(self):
        return self._seed

    def seed(self):
        s = int.from_bytes(os.urandom(8), "little")
        self.manual_seed(s)
        return s

    def get_state(self):
        st = self._bg.state["state"]
        pos = int(st["pos"])
        buf = bytearray(_STATE_SIZE)
        nxt = 0 if self._fresh else pos
        struct.pack_into("<QiiQ", buf, 0, self._seed, _MT_N + 1 - pos, 1, nxt)
        np.frombuffer(buf, np.uint64, _MT_N, 24)[:] = st["key"]
        off = 24 + 8 * _MT_N
        if self._normal_d is not None:
            struct.pack_into("<dddi", buf, off, 0.0, self._normal_d, 0.0, 1)
        if self._normal_f is not None:
            struct.pack_into("<f?", buf, off + 32, self._normal_f, True)
        return np.frombuffer(bytes(buf), np.uint8).copy()

    def set_state(self, state):
        state = np.asarray(state)
        if state.dtype != np.uint8:
            raise TypeError("RNG state must be a torch.ByteTensor")
        if state.size != _STATE_SIZE:
            raise RuntimeError("Expected a CPUGeneratorImplState of size %d but found the input "
                               "RNG state size to be %d" % (_STATE_SIZE, state.size))
        buf = np.ascontiguousarray(state).reshape(-1).tobytes()
        seed, left, seeded, nxt = struct.unpack_from("<QiiQ", buf, 0)
        nxt &= 0xFFFFFFFF
        if not (seeded != 0 and 0 < left <= _MT_N and nxt <= _MT_N):
            raise RuntimeError("Invalid mt19937 state")
        key = np.frombuffer(buf, np.uint64, _MT_N, 24).astype(np.uint32)
        off = 24 + 8 * _MT_N
        _, normal_y, _, normal_valid = struct.unpack_from("<dddi", buf, off)
        fsample, fvalid = struct.unpack_from("<f?", buf, off + 32)
        if left == 1:
            pos, fresh = _MT_N, nxt == 0
        else:
            pos, fresh = nxt, False
            if left + nxt != _MT_N + 1:
                raise RuntimeError("torchlite: this mt19937 state (left=%d, next=%d) is not one "
                                   "torch produces and is not supported" % (left, nxt))
        self._bg.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": pos}}
        self._seed = seed
        self._fresh = fresh
        self._normal_d = normal_y if normal_valid else None
        self._normal_f = fsample if fvalid else None

    # -- raw draws -----------------------------------------------------------------------------
    def _raw32(self, n):
        if n <= 0:
            return np.empty(0, _U64)
        self._fresh = False
        return self._bg.random_raw(n)

    def _raw64(self, n):
        r = self._raw32(2 * n)
        return (r[0::2] << _U64(32)) | r[1::2]

    def _u24(self, n):
        return (self._raw32(n) & _U64(0xFFFFFF)).astype(np.float32) * _F32(2.0 ** -24)

    def _u53(self, n):
        r = self._raw32(2 * n)
        return (((r[0::2] & _U64(0x1FFFFF)) << _U64(32)) | r[1::2]).astype(np.float64) * 2.0 ** -53

    # -- uniform -------------------------------------------------------------------------------
    def uniform(self, shape, dtype, low=0.0, high=1.0):
        shape = _shape(shape)
        dtype = np.dtype(dtype)
        if dtype.kind == "c":
            real = np.dtype(np.float32 if dtype == np.complex64 else np.float64)
            return self.uniform(shape + (2,), real, low, high).view(dtype).reshape(shape)
        if dtype not in _FLOAT_DIGITS:
            raise NotImplementedError('"check_uniform_bounds" not implemented for \'%s\''
                                      % _SCALAR_NAME.get(dtype, str(dtype)))
        low, high = float(low), float(high)
        fi = np.finfo(dtype)
        lo_lim, hi_lim = float(fi.min), float(fi.max)
        if not lo_lim <= low <= hi_lim:
            raise RuntimeError("from is out of bounds for " + _C_NAME[dtype])
        if not lo_lim <= high <= hi_lim:
            raise RuntimeError("to is out of bounds for " + _C_NAME[dtype])
        if not low <= high:
            raise RuntimeError("uniform_ expects to return a [from, to) range, but found from=%s > to=%s"
                               % (_fmt(low), _fmt(high)))
        if not high - low <= hi_lim:
            raise RuntimeError("uniform_ expects to-from <= std::numeric_limits<%s>::max(), but found "
                               "to=%s and from=%s which result in to-from to exceed the limit"
                               % (_SCALAR_NAME[dtype], _fmt(high), _fmt(low)))
        n = _numel(shape)
        if dtype == np.float64:
            x = self._u53(n)
            if low == 0.0 and high == 1.0:
                return x.reshape(shape)
            y = _fma64(x, high - low, low)
            y[y == high] = low
            return y.reshape(shape)
        x = self._u24(n)
        f, t = _F32(low), _F32(high)
        if not (f == 0 and t == 1):
            x = _fma32(x, t - f, f)
        if dtype == np.float32:
            x[x == t] = f
            return x.reshape(shape)
        y = x.astype(dtype)
        y[y == t.astype(dtype)] = f.astype(dtype)
        return y.reshape(shape)

    # -- normal --------------------------------------------------------------------------------
    def normal(self, shape, dtype, mean=0.0, std=1.0, contiguous=True):
        """torch.randn / Tensor.normal_(mean, std).  Values come in torch's fill order; pass
        contiguous=False for a non-contiguous target (torch then uses its scalar path for any
        size and fills the elements in memory order)."""
        shape = _shape(shape)
        dtype = np.dtype(dtype)
        mean, std = float(mean), float(std)
        if not std >= 0.0:
            raise RuntimeError("normal expects std >= 0.0, but found std " + _fmt(std))
        if dtype.kind == "c":
            real = np.dtype(np.float32 if dtype == np.complex64 else np.float64)
            out = self.normal(shape + (2,), real, mean, std / math.sqrt(2), contiguous)
            return out.view(dtype).reshape(shape)
        if dtype not in _FLOAT_DIGITS:
            raise NotImplementedError('"normal_kernel_cpu" not implemented for \'%s\''
                                      % _SCALAR_NAME.get(dtype, str(dtype)))
        n = _numel(shape)
        if n >= 16 and contiguous:
            if dtype == np.float64:
                out = self._normal_fill(n, self._u53, _box_muller16_f64, mean, std)
            elif dtype == np.float32:
                out = self._normal_fill(n, self._u24, _box_muller16_f32, mean, std)
            else:
                out = self._normal_fill_blockwise(n, mean, std).astype(dtype)
            return out.reshape(shape)
        vals = self._normal_scalar(n, mean, std)
        if dtype == np.float64:
            return vals.reshape(shape)
        return vals.astype(np.float32).astype(dtype, copy=False).reshape(shape)

    def _normal_fill(self, n, draw, transform, mean, std):
        u = draw(n)
        full = n // 16
        out = np.empty(n, u.dtype)
        out[:full * 16] = transform(u[:full * 16].reshape(full, 16), mean, std).reshape(-1)
        if n % 16:
            out[n - 16:] = transform(draw(16).reshape(1, 16), mean, std).reshape(-1)
        return out

    def _normal_fill_blockwise(self, n, mean, std):
        blocks = -(-n // 16)
        z = _box_muller16_f32(self._u24(16 * blocks).reshape(blocks, 16), mean, std).reshape(-1)
        full = (n // 16) * 16
        out = np.empty(n, np.float32)
        out[:full] = z[:full]
        if n % 16:
            out[n - 16:] = z[full:]
        return out

    def _normal_scalar(self, n, mean, std):
        """torch's normal_distribution<double>: Box-Muller with the sine half cached."""
        out = np.empty(n, np.float64)
        if n == 0:
            return out
        k = 0
        if self._normal_d is not None:
            out[0] = self._normal_d
            self._normal_d = None
            k = 1
        m = n - k
        pairs = (m + 1) // 2
        if pairs:
            u = self._u53(2 * pairs)
            u1, u2 = u[0::2], u[1::2]
            r = np.sqrt(-2.0 * _libm(math.log1p, -u2))
            theta = _TWO_PI * u1
            c = r * _libm(math.cos, theta)
            s = r * _libm(math.sin, theta)
            both = np.empty(2 * pairs, np.float64)
            both[0::2] = c
            both[1::2] = s
            out[k:] = both[:m]
            if m % 2:
                self._normal_d = float(s[-1])
        if not (mean == 0 and std == 1):
            out = _fma64(out, std, mean)
        return out

    def normal_tensor(self, mean, std, shape=None, dtype=None):
        """torch.normal(mean, std) where mean and/or std are arrays (the other may be a float).
        The result has the broadcast shape (or `shape`) and `dtype` (torch uses mean's dtype
        when mean is a tensor, else std's)."""
        m_arr = isinstance(mean, np.ndarray)
        s_arr = isinstance(std, np.ndarray)
        if dtype is None:
            dtype = mean.dtype if m_arr else (std.dtype if s_arr else np.float32)
        dtype = np.dtype(dtype)
        if shape is None:
            shape = np.broadcast_shapes(np.shape(mean) if m_arr else (), np.shape(std) if s_arr else ())
        shape = _shape(shape)
        if not m_arr and not s_arr:
            return self.normal(shape, dtype, mean, std)
        if s_arr:
            if std.size and not bool(np.all(std >= 0)):
                raise RuntimeError("normal expects all elements of std >= 0.0")
            out = self.normal(shape, dtype, 0.0, 1.0)
            out = np.multiply(out, std, dtype=_inplace_compute_type(out, std)).astype(dtype, copy=False)
        else:
            out = self.normal(shape, dtype, 0.0, float(std))
        if m_arr:
            out = np.add(out, mean, dtype=_inplace_compute_type(out, mean)).astype(dtype, copy=False)
        elif dtype == np.float64:
            out = out + float(mean)
        else:  # a Python scalar is added in the tensor's compute type (float for half)
            out = (out.astype(np.float32) + _F32(mean)).astype(dtype, copy=False)
        return np.array(np.broadcast_to(out, shape), dtype=dtype, order="C")

    # -- integers ------------------------------------------------------------------------------
    def randint(self, low, high, shape, dtype=np.int64):
        return self.random_(shape, dtype, low, high, from_given=True)

    def random_(self, shape, dtype, from_=0, to=None, *, from_given=False):
        """Tensor.random_() (from_=0, to=None), random_(to), random_(from, to).  torch's
        random_(0, None) with an explicit from differs from random_() for int32 only; pass
        from_given=True for it."""
        shape = _shape(shape)
        dtype = np.dtype(dtype)
        n = _numel(shape)
        if to is None and from_ == 0 and not from_given:
            return self._random_default(n, dtype).reshape(shape)
        from_ = int(from_)
        for v in (from_, to):
            if v is not None and not -(1 << 63) <= int(v) < (1 << 63):
                raise ValueError("Overflow when unpacking long long")
        digits = _FLOAT_DIGITS.get(dtype)
        if to is not None:
            to = int(to)
            if not from_ < to:
                raise RuntimeError("random_ expects 'from' to be less than 'to', but got from=%d >= to=%d"
                                   % (from_, to))
            if digits:
                from_ = _update_from(from_, dtype)
                to = _update_to(to, dtype)
                if not from_ < to:
                    raise RuntimeError("random_ expects 'from' casted to dtype to be less than 'to' casted "
                                       "to dtype, but got from=%d >= to=%d" % (from_, to))
            _check_from_to_in_range(from_, to - 1, dtype)
            rng = (to - from_) & 0xFFFFFFFFFFFFFFFF
        elif from_ != -(1 << 63):
            if digits:
                to_inc = min(1 << digits, (1 << 63) - 1)
                from_ = _update_from(from_, dtype)
                if not from_ < to_inc:
                    raise RuntimeError("random_ expects 'from' casted to dtype to be less than or equal to "
                                       "'to_inc' casted to dtype, but got from=%d > to_inc=%d" % (from_, to_inc))
            elif dtype in _INT_LIMITS:
                to_inc = _INT_LIMITS[dtype][1]
            else:
                raise NotImplementedError("random_from_to_impl handles only integral, floating-point "
                                          "and boolean types")
            _check_from_to_in_range(from_, to_inc, dtype)
            rng = (to_inc - from_ + 1) & 0xFFFFFFFFFFFFFFFF
        else:
            if dtype == np.bool_ or (dtype not in _INT_LIMITS
                                     and dtype not in (np.dtype(np.float64), np.dtype(np.float32))):
                raise NotImplementedError('"random_full_64_bits_range_kernel_cpu" not implemented for \'%s\''
                                          % _SCALAR_NAME.get(dtype, str(dtype)))
            if dtype not in (np.dtype(np.int64), np.dtype(np.float64), np.dtype(np.float32)):
                raise RuntimeError("random_full_64_bits_range_kernel_cpu handles only int64, double, "
                                   "float and bfloat16")
            v = self._raw64(n).view(np.int64)
            return _int_to(v, dtype).reshape(shape)
        if n == 0:
            return np.empty(shape, dtype)
        v = self._raw64(n) if rng >= _RANGE_64 else self._raw32(n)
        if rng:
            v = v % _U64(rng)
        v = (v + _U64(from_ & 0xFFFFFFFFFFFFFFFF)).view(np.int64)
        return _int_to(v, dtype).reshape(shape)

    def _random_default(self, n, dtype):
        if dtype == np.bool_:
            return (self._raw32(n) & _U64(1)).astype(np.bool_)
        if dtype == np.int64:
            return (self._raw64(n) % _U64(1 << 63)).astype(np.int64)
        if dtype == np.float64:
            return (self._raw64(n) % _U64((1 << 53) + 1)).astype(np.float64)
        if dtype in _FLOAT_DIGITS:
            v = self._raw32(n) % _U64((1 << _FLOAT_DIGITS[dtype]) + 1)
            return v.astype(np.float32).astype(dtype)
        if dtype in _INT_LIMITS:
            return (self._raw32(n) % _U64(_INT_LIMITS[dtype][1] + 1)).astype(dtype)
        raise NotImplementedError('"random_kernel_cpu" not implemented for \'%s\''
                                  % _SCALAR_NAME.get(dtype, str(dtype)))

    # -- permutations ----------------------------------------------------------------------------
    def randperm(self, n, dtype=np.int64):
        n = int(n)
        dtype = np.dtype(dtype)
        if n < 0:
            raise RuntimeError("Trying to create tensor with negative dimension %d: [%d]" % (n, n))
        if dtype == np.float16 and n > 2049:
            raise RuntimeError("n cannot be greater than 2049 for Half type.")
        if dtype == np.float32 and n > (1 << 24) + 1:
            raise RuntimeError("n cannot be greater than 2^24+1 for Float type.")
        if dtype == np.float64 and n > (1 << 53) + 1:
            raise RuntimeError("n cannot be greater than 2^53+1 for Double type.")
        if dtype == np.bool_ or dtype not in _INT_LIMITS and dtype not in _FLOAT_DIGITS:
            raise NotImplementedError('"randperm" not implemented for \'%s\''
                                      % _SCALAR_NAME.get(dtype, str(dtype)))
        if dtype in _INT_LIMITS and n > 0 and n - 1 > _INT_LIMITS[dtype][1]:
            cname = {np.dtype(np.uint8): "uint8_t", np.dtype(np.int8): "int8_t",
                     np.dtype(np.int16): "int16_t", np.dtype(np.int32): "int"}[dtype]
            raise RuntimeError("value cannot be converted to type %s without overflow" % cname)
        if n < 2:
            return np.arange(n).astype(dtype)
        if n < _RANDPERM_SMALL:
            i = np.arange(n - 1, dtype=np.int64)
            j = (self._raw32(n - 1) % (n - i).astype(_U64)).astype(np.int64) + i
            if n <= 2048:
                a = list(range(n))
                for k, t in enumerate(j.tolist()):
                    a[k], a[t] = a[t], a[k]
                return np.array(a, dtype=np.int64).astype(dtype)
            return _swap_forward(j).astype(dtype)
        i = np.arange(n, dtype=np.int64)
        z = (self._raw64(n) % (i + 1).astype(_U64)).astype(np.int64)
        return _swap_inside_out(z).astype(dtype)

    # -- bernoulli -------------------------------------------------------------------------------
    def bernoulli(self, p, shape=None, dtype=None):
        """torch.bernoulli(p_tensor) / Tensor.bernoulli_(p) for a float or array p."""
        if isinstance(p, np.ndarray):
            if shape is None:
                shape = p.shape
            shape = _shape(shape)
            if dtype is None:
                dtype = p.dtype
            pb = np.broadcast_to(p, shape)
            if pb.size and not bool(np.all((pb >= 0) & (pb <= 1))):
                raise RuntimeError("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  "
                                   "(Could this error message be improved?  If so, please report an "
                                   "enhancement request to PyTorch.)")
            n = _numel(shape)
            if p.dtype == np.float64:
                hit = self._u53(n).reshape(shape) < pb
            else:
                hit = self._u24(n).reshape(shape) < pb.astype(np.float32)
            return np.asarray(hit).astype(dtype)
        p = float(p)
        if not 0 <= p <= 1:
            raise RuntimeError("bernoulli_ expects p to be in [0, 1], but got p=" + _fmt(p))
        shape = _shape(shape)
        hit = self._u53(_numel(shape)).reshape(shape) < p
        return np.asarray(hit).astype(np.float32 if dtype is None else dtype)


def _inplace_compute_type(out, other):
    """The dtype torch computes `out.op_(other)` in (both floating): a 0-dim `other` does not
    promote a dimensioned `out`; half is computed in float."""
    if other.ndim == 0 and out.ndim > 0:
        # a CPU scalar is read in the op's math type (float for half), not rounded to out's dtype
        return np.dtype(np.float32) if out.dtype == np.float16 else out.dtype
    return np.result_type(out.dtype, other.dtype)


def _int_to(v, dtype):
    """static_cast<scalar_t>(int64) as torch does it (half goes through float)."""
    if dtype == np.float16:
        return v.astype(np.float32).astype(np.float16)
    if dtype == np.bool_:
        return v != 0
    return v.astype(dtype)


def _to_float_dtype(v, dtype):
    """static_cast<int64_t>(static_cast<scalar_t>(v)) for a float dtype (half via float)."""
    with np.errstate(over="ignore"):
        f = np.array(v, np.int64).astype(np.float32 if dtype == np.float16 else dtype).astype(dtype)
    if not np.isfinite(f) or abs(float(f)) >= 2.0 ** 63:
        return -(1 << 63)       # what x86 gives for an out-of-range float -> int64 conversion
    return int(f)


def _update_from(from_, dtype):
    digits = _FLOAT_DIGITS[dtype]
    from_plus_1 = _to_float_dtype(from_ + 1, dtype)
    if from_plus_1 < from_:
        n = abs(from_ + 1).bit_length() - 1
        from_ = from_plus_1 + (1 << (n - digits + 1))
    return from_


def _update_to(to, dtype):
    digits = _FLOAT_DIGITS[dtype]
    to_minus_1 = _to_float_dtype(to - 1, dtype)
    if to_minus_1 >= to:
        n = abs(to - 1).bit_length() - 1
        to = to_minus_1 - (1 << (n - digits + 1))
    return to


def _check_from_to_in_range(from_, to_inc, dtype):
    name = _C_NAME.get(dtype, str(dtype))
    if dtype in _FLOAT_DIGITS:
        fi = np.finfo(dtype)
        lo, hi = float(fi.min), float(fi.max)
        if not lo <= from_ <= hi:
            raise RuntimeError("from is out of bounds for " + name)
        if not lo <= to_inc <= hi:
            raise RuntimeError("to - 1 is out of bounds for " + name)
        digits = _FLOAT_DIGITS[dtype]
        for var, what in ((from_, "from"), (to_inc, "to - 1")):
            if var < -(1 << digits) or var > (1 << digits):
                warnings.warn("%s is out of bounds [-(2^%d), 2^%d]. Due to precision limitations %s can "
                              "support discrete uniform distribution only within this range. This warning "
                              "will become an error in version 1.7 release, please fix the code in advance"
                              % (what, digits, digits, name), UserWarning, stacklevel=4)
    elif dtype in _INT_LIMITS:
        lo, hi = _INT_LIMITS[dtype]
        if not lo <= from_ <= hi:
            raise RuntimeError("from is out of bounds for " + name)
        if not lo <= to_inc <= hi:
            raise RuntimeError("to - 1 is out of bounds for " + name)
    else:
        raise NotImplementedError("random_ does not support dtype %s" % dtype)


# ---------------------------------------------------------------------------------------------
# the default generator and module-level functions (torch seeds it nondeterministically)

default_generator = Generator()
default_generator.seed()


def manual_seed(seed):
    """torch.manual_seed: seeds the default generator (int() of the argument) and returns it."""
    return default_generator.manual_seed(int(seed))


def initial_seed():
    return default_generator.initial_seed()


def seed():
    return default_generator.seed()


def get_rng_state():
    return default_generator.get_state()


def set_rng_state(new_state):
    default_generator.set_state(new_state)

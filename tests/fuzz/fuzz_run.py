"""Run a fuzz program under torch and torchlite and compare everything observable.

``run(T, program)`` executes the program's lines with ``torch`` bound to the module ``T``
(real torch or torchlite: one interpreter for both) and records, keyed by where it was seen:

* after each line, every tensor (or tuple of tensors) the line mentions: dtype, shape,
  requires_grad, is_leaf, ``type(grad_fn).__name__``, ``_version`` and the values;
* after each line that runs the engine, the ``.grad`` of every leaf and of every tensor that
  retains its grad;
* at the end, all of the above for every name the program defined (views see in-place
  writes made later, rebased histories show their new grad_fn);
* the warnings of each line (category, message) and the first exception (line, type,
  message): when torch raises, torchlite must raise the same there, and vice versa.

``check(program)`` compares a torchlite run with a torch run: metadata exactly, values with
the tolerance below, exceptions and warnings exactly (after removing torch's "(Triggered
internally at ...)" suffix and object addresses).

Tolerance (CONTRIBUTING.md, "Numerics")
---------------------------------------
torchlite computes with NumPy's kernels, torch with its own, and the two round some
operations differently: transcendental functions (up to 3 ulps apart on float32 here),
torch's ``sqrt`` and ``pow`` (not correctly rounded), sums and other reductions (another
summation order), matmul (another BLAS).  ``+ - * /``, comparisons, ``abs``, ``clamp``,
``max``, ``x ** 2`` and every view, copy or indexing op are exact.  The tolerance is
*measured*, not guessed:

1. Each line of an inexact op declares an error model for its result (``Line.errors``):
   ``rel`` (a few ulps of each element), or a scale such as ``x.abs().sum(1)`` for a sum
   (rounding errors of a sum scale with the sum of the magnitudes, not with the result).
2. Three extra *perturbed* torch runs add, right after each such line, a random
   ``±(0.5..1.5)·K·eps·scale`` to the result (through ``.data``, so versions and the graph are
   untouched); in the backward pass a node post-hook does the same to every gradient an
   inexact node produces or a node reduces (broadcasting, sums, matmul), with
   scale = |g| + max|g| + (n_out/n_in)·max|grad_output| and the eps of the least precise
   gradient involved.
3. For every recorded float value, ``dev`` = the largest move of the perturbed runs from the
   clean torch run, element by element, and at least the perturbation the value received
   itself (so perturbations meeting with opposite signs cannot cancel its own error); a
   ``.grad`` keeps the ``dev`` of earlier backward calls.  torchlite may differ from torch by
   at most ``4·dev + max(dev)/2`` (element-wise plus a norm-wise part).  A program of exact
   ops has no perturbation, so ``dev`` is 0 and its values must match torch *bit for bit*
   (including the sign of zero).  The perturbation goes through the rest of the program
   exactly as a rounding difference would (cancellation, amplification, kinks and branches
   such as ``max`` and ``where``), so the tolerance of each value is what a few-ulp
   difference in the inexact ops could make of it.
4. Non-finite values must be identical (same inf sign, NaN where torch has NaN) unless a
   perturbed run moved them; integer results (indices) must be equal unless a perturbed run
   changed them (ties broken by a last-bit difference).
"""

from __future__ import annotations

import itertools
import re
import warnings

import numpy as np
import torch

from fuzz_program import Program  # noqa: F401 - re-exported for the tests

K_FORWARD = 4      # the perturbation, in eps (machine epsilon of the dtype) times the scale
K_BACKWARD = 4
TOL_ELEMENT = 4.0  # tolerance = TOL_ELEMENT * dev + TOL_NORM * max(dev)
TOL_NORM = 0.5
N_PERTURBED = 3

# backward nodes whose own rounding can differ from torchlite's (their formula calls an
# inexact kernel or reduces); all others are exact element-wise formulas of exact ops.
# A node that reduces a broadcast gradient (n_out > n_in) is always perturbed.
EXACT_BACKWARD = frozenset("""
    AddBackward0 AddBackward1 SubBackward0 SubBackward1 RsubBackward0 RsubBackward1
    MulBackward0 MulBackward1 NegBackward0 AbsBackward0 ReluBackward0 ClampBackward1
    ClampMinBackward0 ClampMaxBackward0 ClampBackward0 SignBackward0 FloorBackward0
    RoundBackward0 TruncBackward0 CloneBackward0 ToCopyBackward0 ViewBackward0
    ReshapeAliasBackward0 UnsafeViewBackward0 TransposeBackward0 TransposeBackward1
    PermuteBackward0 ExpandBackward0 SliceBackward0 SelectBackward0 SqueezeBackward0
    SqueezeBackward1 SqueezeBackward2 UnsqueezeBackward0 TBackward0 NarrowBackward0
    UnbindBackward0 SplitBackward0 SplitBackward1 SplitWithSizesBackward0 DiagonalBackward0
    AliasBackward0 CatBackward0 StackBackward0 FlipBackward0 IndexSelectBackward0
    IndexBackward0 WhereBackward0 MaximumBackward0 MinimumBackward0 MaskedFillBackward0
    CopySlices CopyBackwards FillBackward0 FillBackward1 ZeroBackward0 AsStridedBackward0
    SquareBackward0 ReciprocalBackward0 DivBackward0 DivBackward1
    AmaxBackward0 AminBackward0 MaxBackward0 MaxBackward1 MinBackward0 MinBackward1
    MedianBackward0 MedianBackward1 MovedimBackward0 ExpBackward0 TanhBackward0 SigmoidBackward0
""".split())

# torch gives these once per process (TORCH_WARN_ONCE), and so does torchlite: whether one
# shows depends on what ran before in the process, so they are not compared here (the
# conformance corpus checks them, in fresh processes)
WARN_ONCE = ("The use of `x.T` on tensors of dimension other than 2",
             "Tensor.mT is deprecated on 0-D tensors", "Tensor.T is deprecated on 0-D tensors")

_TRIGGERED = re.compile(r"\s*\(Triggered internally at .*?\)", re.S)
_ADDR = re.compile(r"0x[0-9a-fA-F]+")


def norm_msg(msg):
    return _ADDR.sub("0x?", _TRIGGERED.sub("", str(msg))).strip()


# ---------------------------------------------------------------------------------------
# running


class Record:
    __slots__ = ("snaps", "error", "warnings", "program", "noise")

    def __init__(self, program):
        self.program = program
        self.snaps = {}
        self.noise = {}  # (line, name) -> |the perturbation added| (perturbed runs)
        self.error = None
        self.warnings = []


def _attr(fn):
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 - an attribute that raises is compared as such
        return ("raises", type(e).__name__, norm_msg(e))


def snap(T, x, versions=None):
    """What a user can see of x (a tensor, a tuple of tensors, None or a number).

    ``versions`` maps id(tensor) to its ``_version`` when first seen: the snapshot holds the
    number of in-place writes since then.  (Not the raw counter: some torch kernels write
    their fresh result through an ``out=`` variant, which starts it at 1.)  Without
    ``versions`` (grads, results of autograd.grad) the version is not recorded.
    """
    if isinstance(x, T.Tensor):
        snapshot = {
            "type": "Tensor",
            "dtype": _attr(lambda: str(x.dtype)),
            "shape": _attr(lambda: tuple(x.shape)),
            "requires_grad": _attr(lambda: x.requires_grad),
            "is_leaf": _attr(lambda: x.is_leaf),
            "grad_fn": _attr(lambda: type(x.grad_fn).__name__ if x.grad_fn is not None else None),
            "value": _attr(lambda: np.array(x.detach().numpy(force=True), copy=True)),
        }
        if versions is not None:
            version = _attr(lambda: x._version)
            if isinstance(version, int):
                version -= versions.setdefault(id(x), version)
            snapshot["version"] = version
        return snapshot
    if isinstance(x, (tuple, list)):
        return {"type": type(x).__name__, "items": [snap(T, i) for i in x]}
    if x is None or isinstance(x, (bool, int, float)):
        return {"type": type(x).__name__, "value": x}
    return {"type": type(x).__name__}


def _tensors(T, ns):
    for name, value in ns.items():
        if isinstance(value, T.Tensor):
            yield name, value


def _grads(T, ns, rec, key):
    for name, t in _tensors(T, ns):
        if _attr(lambda t=t: t.is_leaf or t.retains_grad) is True:
            rec.snaps[(key, name)] = snap(T, _attr(lambda t=t: t.grad))


class Perturber:
    """Adds rounding-sized noise to a torch run (see the module docstring)."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.hooked = set()
        self.keep = []

    def _noise(self, t, scale, k, eps=None):
        # a random sign and a random size in [0.5, 1.5]: perturbations from different ops
        # reaching one value never cancel exactly
        eps = eps or torch.finfo(t.dtype).eps
        shape = tuple(t.shape)
        factor = self.rng.choice([-1.0, 1.0], size=shape) * self.rng.uniform(0.5, 1.5, size=shape)
        return torch.from_numpy(np.asarray(factor)).to(t.dtype) * (k * eps) * scale

    def forward(self, ns, name, model):
        t = ns.get(name)
        if not isinstance(t, torch.Tensor) or not t.is_floating_point() or t.numel() == 0:
            return
        model, _, at = model.partition("|")  # "rel|float32": rounded in float32
        eps_dtype = getattr(torch, at) if at else t.dtype
        with torch.no_grad():
            if model == "rel" or model.startswith("rel*"):
                factor = float(model[4:]) if model.startswith("rel*") else 1.0
                scale = t.detach().abs() * factor
            else:
                scale = eval(model, dict(ns)).detach().abs()  # noqa: S307 - our own model text
            scale = scale.to(t.dtype) * (torch.finfo(eps_dtype).eps / torch.finfo(t.dtype).eps)
            scale = scale + torch.finfo(t.dtype).tiny
            # an expanded result (stride 0) holds each computed element once: perturb those
            # (the narrowed view), so every copy moves together, as a rounding difference would
            u = t.data
            for d, (n, st) in enumerate(zip(t.shape, t.stride())):
                if st == 0 and n > 1:
                    u = u.narrow(d, 0, 1)
            noise = self._noise(u, scale.expand(t.shape)[tuple(
                slice(0, 1) if sz != su else slice(None) for sz, su in zip(t.shape, u.shape))],
                K_FORWARD)
            u.add_(noise)
            return np.abs(noise.expand(t.shape).numpy().astype(np.float64))

    def hook_graph(self, ns):
        stack = []
        for value in ns.values():
            items = value if isinstance(value, (tuple, list)) else (value,)
            for t in items:
                if isinstance(t, torch.Tensor):
                    try:
                        stack.append(t.grad_fn)
                    except RuntimeError:  # a multi-output view whose base was modified
                        pass
        while stack:
            node = stack.pop()
            if node is None or id(node) in self.hooked:
                continue
            self.hooked.add(id(node))
            self.keep.append(node)
            if type(node).__name__ != "AccumulateGrad":
                node.register_hook(self._make_hook(type(node).__name__))
            stack.extend(n for n, _ in node.next_functions)

    def _make_hook(self, name):
        def hook(grad_inputs, grad_outputs):
            outs = [g for g in grad_outputs if g is not None and g.numel()]
            # rounding happens at the precision of the gradient flowing in (a float32 output's
            # gradient reduced onto a float64 input is summed in float32)
            eps_out = max((torch.finfo(g.dtype).eps for g in outs if g.is_floating_point()),
                          default=0.0)
            n_out = max((g.numel() for g in outs), default=1)
            gmax = max((float(g.detach().abs().max()) for g in outs), default=0.0)
            new = []
            for g in grad_inputs:
                if g is None or not g.is_floating_point() or g.numel() == 0:
                    new.append(g)
                    continue
                ratio = n_out / g.numel()
                if name in EXACT_BACKWARD and ratio <= 1:
                    new.append(g)
                    continue
                with torch.no_grad():
                    a = g.detach().abs()
                    scale = a + a.max() + max(ratio, 1.0) * gmax + torch.finfo(g.dtype).tiny
                    eps = max(eps_out, torch.finfo(g.dtype).eps)
                    new.append(g + self._noise(g, scale, K_BACKWARD, eps))
            return tuple(new)
        return hook


def run(T, program, perturb_seed=None):
    """Run the program with ``torch`` bound to the module T; the Record of what it showed."""
    rec = Record(program)
    ns = {"torch": T}
    versions = {}
    perturber = Perturber(perturb_seed) if perturb_seed is not None else None
    for i, line in enumerate(program.lines):
        if perturber is not None and line.is_backward:
            perturber.hook_graph(ns)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                exec(_compiled(line.src), ns)  # noqa: S102 - the program is ours
            except Exception as e:  # noqa: BLE001 - compared with the other library's
                rec.error = (i, type(e).__name__, norm_msg(e))
        rec.warnings.extend((i, w.category.__name__, norm_msg(w.message)) for w in caught
                            if not str(w.message).startswith(WARN_ONCE))
        if rec.error is not None:
            break
        if perturber is not None:
            for name, model in line.errors:
                noise = perturber.forward(ns, name, model)
                if noise is not None:
                    rec.noise[(i, name)] = noise
        for name in line.names():
            if name in ns and (isinstance(ns[name], (T.Tensor, tuple))):
                rec.snaps[("line", i, name)] = snap(T, ns[name], versions)
        if line.is_backward:
            _grads(T, ns, rec, ("grad", i))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name, value in list(ns.items()):
            if name != "torch" and isinstance(value, (T.Tensor, tuple)):
                rec.snaps[("final", name)] = snap(T, value, versions)
        _grads(T, ns, rec, ("final.grad",))
    rec.warnings.extend(("final", w.category.__name__, norm_msg(w.message)) for w in caught)
    return rec


_CODE = {}


def _compiled(src):
    code = _CODE.get(src)
    if code is None:
        if len(_CODE) > 20000:
            _CODE.clear()
        code = _CODE[src] = compile(src, "<fuzz program>", "exec")
    return code


# ---------------------------------------------------------------------------------------
# comparing


def _dev(ref, others):
    """Element-wise largest move of the perturbed runs away from ref (inf where unknown)."""
    dev = np.zeros(ref.shape, dtype=np.float64)
    for o in others:
        if not isinstance(o, np.ndarray) or o.shape != ref.shape:
            return np.full(ref.shape, np.inf)
        a = ref.astype(np.float64)
        b = o.astype(np.float64)
        with np.errstate(invalid="ignore"):
            d = np.abs(a - b)
        same = (a == b) | (np.isnan(a) & np.isnan(b))
        d = np.where(same, 0.0, np.where(np.isnan(d), np.inf, d))
        dev = np.maximum(dev, d)
    return dev


def compare_values(ref, got, others, carried=None, floor=None):
    """None if got matches ref within the measured tolerance, else a description.

    ``carried``: a deviation measured earlier for the same value, kept (element-wise max):
    a ``.grad`` after a second backward holds the first one's rounding too.  ``floor``: the
    perturbation the value itself received (its own rounding error, whatever upstream
    perturbations did)."""
    if not isinstance(got, np.ndarray) or not isinstance(ref, np.ndarray):
        return None if repr(ref) == repr(got) else f"torch {ref!r} torchlite {got!r}"
    if ref.shape != got.shape or ref.dtype != got.dtype:
        return f"array {ref.dtype}{ref.shape} vs {got.dtype}{got.shape}"
    if ref.size == 0:
        return None
    dev = _dev(ref, others)
    if floor is not None and floor.shape == ref.shape:
        dev = np.maximum(dev, floor)
    if carried is not None:
        if carried.get("shape") == ref.shape:
            dev = np.maximum(dev, carried["dev"])
        carried["shape"], carried["dev"] = ref.shape, dev
    finite_dev = dev[np.isfinite(dev)]
    tol = TOL_ELEMENT * dev + (TOL_NORM * finite_dev.max() if finite_dev.size else 0.0)
    if ref.dtype.kind == "f" and finite_dev.size and finite_dev.max() > 0:
        # an exact op applied to inputs that differ in the last bits may still round its
        # result to the neighbouring float, however little its inputs moved
        # (an element can depend on an inexact value and yet not move in the perturbed runs:
        # the change was rounded away there, but need not be in torchlite)
        with np.errstate(invalid="ignore"):
            tol = tol + 2 * np.abs(np.spacing(np.abs(ref))).astype(np.float64)
    if ref.dtype.kind == "f":
        a = ref.astype(np.float64)
        b = got.astype(np.float64)
        both_nan = np.isnan(a) & np.isnan(b)
        exact = (a == b) & (np.signbit(a) == np.signbit(b))
        with np.errstate(invalid="ignore"):
            diff = np.abs(a - b)
        finite = np.isfinite(a) & np.isfinite(b)
        ok = both_nan | exact | (finite & (diff <= tol))
        # a zero of the other sign is a difference only where torch's value is exact
        ok |= (a == b) & (tol > 0)
        # non-finite values: torchlite may differ only where the perturbed runs did too
        # (an inf that a last-bit change turns into nan); a finite value against a
        # non-finite one only where a perturbed run went non-finite there
        went_nonfinite = np.zeros(a.shape, bool)
        went_finite = np.zeros(a.shape, bool)
        for o in others:
            if isinstance(o, np.ndarray) and o.shape == a.shape:
                went_nonfinite |= ~np.isfinite(o.astype(np.float64))
                went_finite |= np.isfinite(o.astype(np.float64))
        ok |= ~np.isfinite(a) & ~np.isfinite(b) & (dev > 0)
        ok |= ~np.isfinite(a) & np.isfinite(b) & went_finite
        ok |= np.isfinite(a) & ~np.isfinite(b) & went_nonfinite
        ok |= finite & np.isinf(tol)
    else:
        ok = (ref == got) | (dev > 0)
    if ok.all():
        return None
    bad = np.argwhere(~ok)
    idx = tuple(int(i) for i in bad[0])
    return (f"{int((~ok).sum())}/{ref.size} elements differ; first at {list(idx)}: "
            f"torch {ref[idx]!r} torchlite {got[idx]!r} (tolerance {tol[idx]:.3g})")


def compare_snaps(ref, got, others, where, carried=None, floor=None):
    """(kind, text) pairs for the differences between two snapshots."""
    out = []
    if ref.get("type") != got.get("type"):
        return [("type", f"{where}: torch gives a {ref.get('type')}, "
                         f"torchlite a {got.get('type')}")]
    if "items" in ref:
        if len(ref["items"]) != len(got["items"]):
            return [("type", f"{where}: {len(ref['items'])} items vs {len(got['items'])}")]
        for k, (r, g) in enumerate(zip(ref["items"], got["items"])):
            rs = [o["items"][k] if isinstance(o, dict) and len(o.get("items", ())) > k else None
                  for o in others]
            out += compare_snaps(r, g, [o for o in rs if o is not None], f"{where}[{k}]")
        return out
    for field, value in ref.items():
        if field == "value":
            continue
        if got.get(field) != value:
            out.append((field, f"{where}: {field}: torch {value!r}, torchlite {got.get(field)!r}"))
    if "value" in ref:
        rv, gv = ref["value"], got.get("value")
        if isinstance(rv, tuple) or isinstance(gv, tuple):  # an attribute raised
            if repr(rv) != repr(gv):
                out.append(("values", f"{where}: value: torch {rv!r}, torchlite {gv!r}"))
        else:
            msg = compare_values(rv, gv, [o.get("value") for o in others if isinstance(o, dict)],
                                 carried, floor)
            if msg:
                out.append(("values", f"{where}: values: {msg}"))
    return out


class Diff:
    """One difference: where (the program line it shows after; None: at the end), what kind
    (exception, warnings, values, grad_fn, requires_grad, ...), and a readable text."""

    __slots__ = ("line", "kind", "text")

    def __init__(self, line, kind, text):
        self.line, self.kind, self.text = line, kind, text

    @property
    def order(self):
        return len(_INF) if self.line is None else self.line

    def __repr__(self):
        return self.text


_INF = range(10 ** 9)


def describe_key(key, program):
    if key[0] == "line":
        return f"line {key[1] + 1} `{program.lines[key[1]].src[:60]}`: {key[2]}"
    if key[0] == "final":
        return f"at the end: {key[1]}"
    if key[0] == ("final.grad",):
        return f"at the end: {key[1]}.grad"
    return f"after line {key[0][1] + 1}: {key[1]}.grad"


def _key_line(key):
    if key[0] == "line":
        return key[1]
    if key[0] in ("final", ("final.grad",)):
        return None
    return key[0][1]


def compare(ref, lite, perturbed=()):
    """The differences between torch's Record and torchlite's: a list of Diff."""
    out = []
    lines = ref.program.lines

    def where_err(err):
        if err is None:
            return "no exception"
        i, typ, msg = err
        return f"line {i + 1} `{lines[i].src[:60]}` raises {typ}: {msg}"

    if ref.error != lite.error:
        first = min(e[0] for e in (ref.error, lite.error) if e is not None)
        out.append(Diff(first, "exception", f"exception: torch: {where_err(ref.error)}\n"
                                            f"    torchlite: {where_err(lite.error)}"))
    if ref.warnings != lite.warnings:
        pairs = list(itertools.zip_longest(ref.warnings, lite.warnings))
        a, b = next(p for p in pairs if p[0] != p[1])
        line = (a or b)[0]
        out.append(Diff(None if line == "final" else line, "warnings",
                        f"warnings: torch {ref.warnings}\n    torchlite {lite.warnings}"))
    carried = {}  # name -> the deviation of its .grad so far
    floors = {}  # name -> the largest perturbation it received itself so far
    for key, rs in ref.snaps.items():
        where = describe_key(key, ref.program)
        if key[0] == "line":
            for p in perturbed:
                noise = p.noise.get((key[1], key[2]))
                if noise is not None:
                    old = floors.get(key[2])
                    floors[key[2]] = noise if old is None or old.shape != noise.shape \
                        else np.maximum(old, noise)
        line = _key_line(key)
        if key not in lite.snaps:
            out.append(Diff(line, "missing", f"{where}: missing in torchlite's run"))
            continue
        others = [p.snaps.get(key) for p in perturbed]
        if any(o is None for o in others):
            others = [{"value": np.full(rs["value"].shape, np.inf)}] if isinstance(
                rs.get("value"), np.ndarray) else []
        carry = carried.setdefault(key[1], {}) if key[0] != "line" and key[0] != "final" else None
        floor = floors.get(key[1]) if key[0] in ("line", "final") else None
        if key[0] == "line":
            floor = floors.get(key[2])
        out += [Diff(line, kind, text)
                for kind, text in compare_snaps(rs, lite.snaps[key], others, where, carry, floor)]
    for key in lite.snaps.keys() - ref.snaps.keys():
        out.append(Diff(_key_line(key), "only",
                        f"{describe_key(key, ref.program)}: only in torchlite's run"))
    out.sort(key=lambda d: d.order)
    return out


def triage(program, diffs, known=None):
    """Split diffs into (unexplained, known issue names).

    A known issue (``known_issues.KNOWN``) explains the first difference it matches and every
    difference from that line on (a wrong value, a missing exception or a wrong grad_fn
    changes what follows); differences before it stay unexplained."""
    from known_issues import KNOWN
    known = KNOWN if known is None else known
    source = program.to_source()
    for d in diffs:
        names = [k.name for k in known if k.matches(source, d)]
        if names:
            return [e for e in diffs if e.order < d.order], names
    return diffs, []


class Checked:
    """What check() saw: the known issues that explained differences, and torch's error."""

    __slots__ = ("known", "torch_error")

    def __init__(self, known, torch_error):
        self.known, self.torch_error = known, torch_error


def check(program, lite_module=None, *, known=None):
    """Run under torch (clean and perturbed) and torchlite; raise AssertionError on a
    difference no known issue explains.  ``known``: the known issues to excuse
    (default: ``known_issues.KNOWN``; ``[]`` for none)."""
    import torchlite
    lite_module = lite_module or torchlite
    ref = run(torch, program)
    perturbed = [run(torch, program, perturb_seed=s) for s in range(N_PERTURBED)] \
        if program.has_inexact or any(line.is_backward for line in program.lines) else []
    lite = run(lite_module, program)
    diffs = compare(ref, lite, perturbed)
    unexplained, names = triage(program, diffs, known)
    if unexplained:
        raise AssertionError("torchlite differs from torch on this program:\n\n"
                             + program.to_source() + "\n"
                             + "\n".join("- " + d.text for d in diffs)
                             + (f"\n(the known issue {', '.join(names)} explains the later ones)"
                                if names else ""))
    return Checked(names, ref.error)

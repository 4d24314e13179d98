"""Random autograd programs for the differential fuzzer, as data.

A ``Program`` is a list of ``Line``s: one Python statement each, written against a module
called ``torch`` (``v2 = (x0.abs() + 0.5).log()``, ``v2.add_(x1)``, ``v5.backward(g0)``).  The
same statements run under real torch and under torchlite (``fuzz_run.run`` executes them with
``torch`` bound to either module), so a program prints as the script it is (``to_source()``)
and a shrunk failure is a reproducer you can paste into a file.

A line may carry *error models* for the perturbed torch runs that measure the tolerance
(see ``fuzz_run``): ``(name, model)`` pairs saying how far ``name`` may move by rounding
alone after the line (``"rel"``: a few ulps of each element; ``"rel*N"``: N times that;
any other model is a torch expression for the scale, e.g. ``"x0.abs().sum(1)"`` for a sum
over dim 1; a ``|float32`` suffix: ulps of float32, for a float32 result stored in a float64
tensor).  Lines of exact ops carry none, and their results are compared bit for bit.
In the printed source a model shows as a trailing comment ``# err v3: rel``; ``Program.parse``
reads a script in that form back.

``programs(mode)`` is the hypothesis strategy.  It builds a program one line at a time and
runs each line with real torch as it goes, to learn the shape, dtype and requires_grad of
each value from torch itself (no shape inference here to get wrong).  A line on which torch
raises ends the program: the fuzzer then checks that torchlite raises the same error there.
"""

from __future__ import annotations

import dataclasses
import math
import re
import warnings

import numpy as np
import torch
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

FLOATS = ("float32", "float64")
# Python scalars used as operands: ints and floats, exact and inexact in binary
SCALARS = (2, 0.5, -1.5, 3, 0.1, -0.25, 1, -2, 1e-3, 2.5)
# |values| of the leaves; ops with a restricted domain guard their input (abs()+c, clamp)
LEAF_LIMIT = 4.0
MAX_DIMS = 3
MAX_SIDE = 4

_IDENT = re.compile(r"\b([A-Za-z_]\w*)\b")
_ERR_COMMENT = re.compile(r"\s+# err (\w+): (.*)$")


@dataclasses.dataclass(frozen=True)
class Line:
    src: str
    errors: tuple = ()  # ((name, model), ...)

    @property
    def is_backward(self):
        return ".backward(" in self.src or "autograd.grad(" in self.src

    def names(self):
        """Identifiers the statement mentions (the harness snapshots the tensors among them)."""
        return [n for n in dict.fromkeys(_IDENT.findall(self.src)) if n != "torch"]

    def render(self):
        return self.src + "".join(f"  # err {n}: {m}" for n, m in self.errors)


@dataclasses.dataclass(frozen=True)
class Program:
    lines: tuple
    mode: str = ""

    def to_source(self):
        return "import torch\n\n" + "\n".join(line.render() for line in self.lines) + "\n"

    def __repr__(self):
        return "Program.parse('''\n" + self.to_source() + "''')"

    def _repr_pretty_(self, printer, cycle):  # hypothesis prints falsifying examples with this
        printer.text(repr(self))

    @classmethod
    def parse(cls, source):
        """The program of a script in ``to_source`` form (the ``import`` line is optional)."""
        lines = []
        for raw in source.strip("\n").splitlines():
            if not raw.strip() or raw.startswith("import "):
                continue
            errors = []
            while (m := _ERR_COMMENT.search(raw)):
                errors.insert(0, (m.group(1), m.group(2)))
                raw = raw[:m.start()]
            lines.append(Line(raw.rstrip(), tuple(errors)))
        return cls(tuple(lines))

    @property
    def has_inexact(self):
        return any(line.errors for line in self.lines)


# ---------------------------------------------------------------------------------------
# the generator


def fmt_data(arr):
    return repr(arr.tolist())


def fmt_shape(shape):
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


class Builder:
    """Draws lines and runs each with real torch to learn the values it makes."""

    def __init__(self, draw):
        self.draw = draw
        self.lines = []
        self.ns = {"torch": torch}
        self.order = []  # tensor names, oldest first
        self.counts = {"x": 0, "v": 0, "g": 0}
        self.dead = False  # torch raised: the program ends here

    # -- plumbing --------------------------------------------------------------------
    def fresh(self, prefix="v"):
        name = f"{prefix}{self.counts[prefix]}"
        self.counts[prefix] += 1
        return name

    def emit(self, src, errors=()):
        self.lines.append(Line(src, tuple(errors)))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                exec(src, self.ns)  # noqa: S102 - the program is ours
            except Exception:  # noqa: BLE001 - torch's error ends the program; compared later
                self.dead = True
                return
        for name in Line(src).names():
            if name not in self.order and isinstance(self.ns.get(name), torch.Tensor):
                self.order.append(name)

    def t(self, name):
        return self.ns[name]

    def choice(self, seq):
        return self.draw(st.sampled_from(seq))

    def chance(self, n):
        """True about once in n draws (shrinks to False)."""
        return self.draw(st.integers(0, n - 1)) == n - 1

    def pick(self, pred=None, floating=True):
        """A tensor name, newest first (so programs chain), or None."""
        names = [n for n in reversed(self.order)
                 if isinstance(self.ns.get(n), torch.Tensor)
                 and (not floating or self.ns[n].is_floating_point())
                 and (pred is None or _safe(pred, self.ns[n]))]
        return self.choice(names) if names else None

    def dim(self, t, extra=0):
        nd = max(t.dim(), 1) + extra
        return self.draw(st.integers(-nd, nd - 1))

    def scalar(self):
        return self.choice(SCALARS)

    # -- leaves --------------------------------------------------------------------------
    def leaf(self, shape, dtype=None, requires_grad=None):
        dtype = dtype or self.choice(FLOATS)
        if requires_grad is None:
            requires_grad = self.choice([True, True, True, False])
        name = self.fresh("x")
        rg = ", requires_grad=True" if requires_grad else ""
        if 0 in shape:
            self.emit(f"{name} = torch.zeros({fmt_shape(shape)}, dtype=torch.{dtype}{rg})")
            return name
        width = 32 if dtype == "float32" else 64
        elements = st.floats(-LEAF_LIMIT, LEAF_LIMIT, width=width, allow_subnormal=False)
        arr = self.draw(hnp.arrays(np.dtype(dtype), tuple(shape), elements=elements))
        self.emit(f"{name} = torch.tensor({fmt_data(arr)}, dtype=torch.{dtype}{rg})")
        return name

    def leaves(self):
        n = self.draw(st.integers(1, 3))
        min_side = 0 if self.chance(12) else 1
        shapes = self.draw(hnp.mutually_broadcastable_shapes(
            num_shapes=n, min_dims=0, max_dims=MAX_DIMS, min_side=min_side, max_side=MAX_SIDE))
        for shape in shapes.input_shapes:
            self.leaf(shape)

    def operand_for(self, x, *, into=False):
        """A tensor that broadcasts with x (``into``: whose broadcast leaves x's shape alone):
        an existing value, or a fresh leaf."""
        xs = tuple(self.t(x).shape)

        def fits(t):
            try:
                out = torch.broadcast_shapes(xs, tuple(t.shape))
            except RuntimeError:
                return False
            return tuple(out) == xs if into else True

        if self.chance(20):  # sometimes anything at all: torch's shape errors are compared too
            y = self.pick()
        else:
            y = self.pick(fits) if self.draw(st.booleans()) else None
        if y is None:
            if into:
                shape = self.draw(hnp.broadcastable_shapes(xs, min_dims=0, max_dims=len(xs),
                                                           min_side=1, max_side=MAX_SIDE))
                shape = tuple(s if s == 1 else xs[len(xs) - len(shape) + i]
                              for i, s in enumerate(shape))
            else:
                shape = self.draw(hnp.broadcastable_shapes(
                    xs, min_dims=0, max_dims=MAX_DIMS, min_side=1, max_side=MAX_SIDE))
            y = self.leaf(shape)
        return y

    # -- families of ops (each appends at most a few lines) ----------------------------------
    def unary_exact(self):
        x = self.pick()
        if x is None:
            return
        v = self.fresh()
        c = self.scalar()
        lo = self.draw(st.sampled_from([-1.0, -0.5, 0.0, 0.25]))
        hi = lo + self.draw(st.sampled_from([0.5, 1.0, 2.0]))
        src = self.choice([
            f"-{x}", f"{x}.abs()", f"{x}.relu()", f"{x}.square()", f"{x} ** 2",
            f"{x}.sign()", f"{x}.floor()", f"{x}.round()", f"{x}.clamp({lo}, {hi})",
            f"{x}.clamp(min={lo})", f"{x}.clamp(max={hi})", f"{x} * {c}", f"{x} + {c}",
            f"{c} - {x}", f"{x} / {c}", f"{c} * {x}", f"{c} / ({x}.abs() + 0.5)",
            f"({x}.abs() + 0.5).reciprocal()", f"{x}.double()", f"{x}.float()",
            f"{x}.to(torch.float64)", f"{x}.clone()", f"{x}.sub({c})", f"{x}.mul({c})",
            f"{x}.neg()", f"{x}.trunc()",
            f"torch.maximum({x}, {x}.flip(0))" if self.t(x).dim() else f"{x}.abs()",
        ])
        self.emit(f"{v} = {src}")

    UNARY_INEXACT = (
        "{x}.clamp(-6, 6).exp()", "({x}.abs() + 0.5).log()", "({x}.abs() + 0.25).sqrt()",
        "({x}.abs() + 0.5).rsqrt()", "{x}.sin()", "{x}.cos()", "{x}.clamp(-1.4, 1.4).tan()",
        "{x}.tanh()", "{x}.sigmoid()", "{x}.atan()", "{x}.asinh()", "{x}.erf()",
        "{x}.clamp(-6, 6).expm1()", "{x}.abs().log1p()", "{x}.clamp(-5, 5).sinh()",
        "{x}.clamp(-5, 5).cosh()", "{x}.clamp(-0.9, 0.9).asin()", "{x}.clamp(-0.9, 0.9).acos()",
        "{x}.clamp(-0.9, 0.9).atanh()", "({x}.abs() + 1.25).acosh()", "({x}.abs() + 0.5).log2()",
        "({x}.abs() + 0.5).log10()", "{x}.clamp(-8, 8).exp2()", "{x}.clamp(-4, 4).pow(3)",
        "({x}.abs() + 0.5).pow({p})", "({x}.abs() + 0.5) ** {p}", "2 ** {x}.clamp(-8, 8)",
        "torch.exp({x}.clamp(-6, 6))", "torch.tanh({x})", "torch.sigmoid({x})",
    )

    def unary_inexact(self):
        x = self.pick()
        if x is None:
            return
        v = self.fresh()
        p = self.choice([0.5, 1.5, -1, -0.5, 2.5, 3])
        self.emit(f"{v} = " + self.choice(self.UNARY_INEXACT).format(x=x, p=p), [(v, "rel")])

    def softmax(self):
        x = self.pick()
        if x is None:
            return
        v = self.fresh()
        d = self.dim(self.t(x))
        if self.draw(st.booleans()):
            self.emit(f"{v} = {x}.softmax({d})", [(v, "rel")])
        else:
            self.emit(f"{v} = {x}.log_softmax({d})",
                      [(v, f"{v}.abs() + {x}.abs().amax({d}, keepdim=True) + 1")])

    def binary(self):
        x = self.pick()
        if x is None:
            return
        y = self.operand_for(x)
        if self.dead:
            return
        v = self.fresh()
        exact = [f"{x} + {y}", f"{x} - {y}", f"{x} * {y}", f"{x} / ({y}.abs() + 0.5)",
                 f"torch.maximum({x}, {y})", f"torch.minimum({x}, {y})",
                 f"torch.where({x} > {y}, {x}, {y})", f"torch.add({x}, {y})",
                 f"{x}.mul({y})", f"torch.sub({y}, {x})", f"{y} * {x}",
                 f"torch.where({y} > 0, {x}, 0.5)", f"{x}.masked_fill({y} < 0, 1.5)"]
        inexact = [f"torch.atan2({x}, {y})", f"({x}.abs() + 0.5) ** {y}.clamp(-3, 3)",
                   f"torch.hypot({x}, {y})"]
        if self.chance(8):
            # torch rounds x + alpha * y once (a fused multiply-add): an inexact op here
            a = self.scalar()
            op = self.choice([f"torch.add({x}, {y}, alpha={a})", f"{x}.sub({y}, alpha={a})"])
            self.emit(f"{v} = {op}", [(v, f"{x}.abs() + {abs(a)} * {y}.abs()")])
        elif self.draw(st.integers(0, 3)) < 3:
            self.emit(f"{v} = " + self.choice(exact))
        else:
            self.emit(f"{v} = " + self.choice(inexact), [(v, "rel")])

    def reduction(self):
        x = self.pick()
        if x is None:
            return
        t = self.t(x)
        v = self.fresh()
        d = self.dim(t)
        nd = t.dim()
        if nd >= 2 and self.chance(3):
            dims = self.draw(st.lists(st.integers(-nd, nd - 1), min_size=2, max_size=nd,
                                      unique_by=lambda i: i % nd))
            d = "(" + ", ".join(map(str, dims)) + ")"
        kd = ", keepdim=True" if self.chance(3) else ""
        args = self.choice(["", f"{d}{kd}"])
        kind = self.choice(["sum", "mean", "amax", "max", "prod", "var", "std", "norm",
                            "logsumexp", "cumsum", "maxdim", "amin", "argmax", "median"])
        if kind == "sum":
            self.emit(f"{v} = {x}.sum({args})", [(v, f"{x}.abs().sum({args})")])
        elif kind == "mean":
            self.emit(f"{v} = {x}.mean({args})", [(v, f"{x}.abs().mean({args})")])
        elif kind in ("amax", "amin"):
            self.emit(f"{v} = {x}.{kind}({args})")
        elif kind == "max":
            self.emit(f"{v} = {x}.{self.choice(['max', 'min'])}()")
        elif kind == "maxdim":
            w = self.fresh()
            fn = self.choice(["max", "min"])
            self.emit(f"{v}, {w} = {x}.{fn}({d if isinstance(d, int) else 0}{kd})")
        elif kind == "median":
            self.emit(f"{v} = {x}.median()")
        elif kind == "argmax":
            self.emit(f"{v} = {x}.{self.choice(['argmax', 'argmin'])}({args})")
        elif kind == "prod":
            pargs = f"{d}{kd}" if isinstance(d, int) and args else ""
            self.emit(f"{v} = {x}.clamp(-2, 2).prod({pargs})",
                      [(v, f"rel*{max(t.numel(), 1)}")])
        elif kind in ("var", "std"):
            corr = self.choice(["", ", correction=0"]) if args else ""
            scale = f"{x}.square().mean({args})" + (".sqrt()" if kind == "std" else "")
            self.emit(f"{v} = {x}.{kind}({args}{corr})", [(v, scale)])
        elif kind == "norm":
            self.emit(f"{v} = {x}.norm({'dim=' + str(d) + kd if args else ''})",
                      [(v, f"rel*{max(t.numel(), 1)}")])
        elif kind == "logsumexp":
            self.emit(f"{v} = {x}.logsumexp({d if isinstance(d, int) else 0}{kd})",
                      [(v, f"{v}.abs() + 1")])
        else:
            self.emit(f"{v} = {x}.cumsum({d if isinstance(d, int) else 0})",
                      [(v, f"{x}.abs().cumsum({d if isinstance(d, int) else 0})")])

    def _reshape_target(self, shape):
        n = math.prod(shape)
        if n == 0:
            return self.choice([(-1,), (0,), tuple(shape)])
        dims = []
        rest = n
        for _ in range(self.draw(st.integers(0, 3))):
            divs = [k for k in range(1, rest + 1) if rest % k == 0]
            k = self.choice(divs)
            dims.append(k)
            rest //= k
        dims.append(rest)
        if self.chance(3):
            dims[self.draw(st.integers(0, len(dims) - 1))] = -1
        return tuple(dims)

    def shape_op(self):
        x = self.pick()
        if x is None:
            return
        t = self.t(x)
        nd = t.dim()
        v = self.fresh()
        kind = self.choice(["view", "reshape", "transpose", "permute", "expand", "slice",
                            "select", "squeeze", "unsqueeze", "flatten", "t", "narrow",
                            "split", "detach", "contiguous", "diagonal", "movedim", "cat",
                            "stack", "index", "flip", "T"])
        if kind in ("view", "reshape"):
            self.emit(f"{v} = {x}.{kind}({fmt_shape(self._reshape_target(t.shape))})")
        elif kind == "transpose":
            self.emit(f"{v} = {x}.transpose({self.dim(t)}, {self.dim(t)})")
        elif kind == "permute":
            perm = self.draw(st.permutations(range(nd)))
            self.emit(f"{v} = {x}.permute({fmt_shape(perm)})")
        elif kind == "expand":
            new = [self.draw(st.integers(1, 3)) if s == 1 else s for s in t.shape]
            new = [self.draw(st.integers(1, 3)) for _ in range(self.draw(st.integers(0, 1)))] + new
            if new and self.chance(3):
                new[-1] = -1
            self.emit(f"{v} = {x}.expand({', '.join(map(str, new or [1]))})")
        elif kind == "slice" and nd:
            d = self.draw(st.integers(0, nd - 1))
            size = t.shape[d]
            a = self.draw(st.integers(-size, size))
            b = self.draw(st.integers(-size, size + 1))
            step = self.draw(st.integers(1, 3))
            piece = f"{a}:{b}" + (f":{step}" if step > 1 else "")
            if self.chance(4):
                piece = str(self.draw(st.integers(-size, max(size - 1, -size))))
            self.emit(f"{v} = {x}[{':, ' * d}{piece}]")
        elif kind == "select" and nd:
            d = self.dim(t)
            size = t.shape[d]
            self.emit(f"{v} = {x}.select({d}, {self.draw(st.integers(-size, max(size - 1, 0)))})")
        elif kind == "squeeze":
            self.emit(f"{v} = {x}.squeeze({self.choice(['', str(self.dim(t))])})")
        elif kind == "unsqueeze":
            self.emit(f"{v} = {x}.unsqueeze({self.dim(t, extra=1)})")
        elif kind == "flatten":
            self.emit(f"{v} = {x}.flatten({self.choice(['', '1' if nd > 1 else '0'])})")
        elif kind == "t":
            self.emit(f"{v} = {x}.{self.choice(['t()', 'mT'])}")
        elif kind == "T":
            self.emit(f"{v} = {x}.T")
        elif kind == "narrow" and nd:
            d = self.dim(t)
            size = t.shape[d]
            start = self.draw(st.integers(0, size))
            self.emit(f"{v} = {x}.narrow({d}, {start}, {self.draw(st.integers(0, size - start))})")
        elif kind == "split" and nd:
            d = self.dim(t)
            size = t.shape[d]
            how = self.choice(["unbind", "split", "chunk"])
            if how == "unbind":
                parts = list(t.unbind(d))
                call = f"unbind({d})"
            else:
                k = self.draw(st.integers(1, max(size, 1)))
                parts = list(getattr(t, how)(k, d))
                call = f"{how}({k}, {d})"
            if not parts:
                self.emit(f"{v} = {x}.clone()")
                return
            self.emit(f"{v} = {x}.{call}[{self.draw(st.integers(0, len(parts) - 1))}]")
        elif kind == "detach":
            self.emit(f"{v} = {x}.detach()" + self.choice(["", ".requires_grad_()"]))
        elif kind == "contiguous":
            self.emit(f"{v} = {x}.contiguous()")
        elif kind == "diagonal" and nd >= 2:
            self.emit(f"{v} = {x}.diagonal({self.draw(st.integers(-1, 1))})")
        elif kind == "movedim" and nd:
            self.emit(f"{v} = {x}.movedim({self.dim(t)}, {self.dim(t)})")
        elif kind in ("cat", "stack") and (nd or kind == "stack" or self.chance(8)):
            same = self.pick(lambda u: tuple(u.shape) == tuple(t.shape)) or x
            d = self.dim(t, extra=1 if kind == "stack" else 0)
            self.emit(f"{v} = torch.{kind}([{x}, {same}], {d})")
        elif kind == "index" and nd and t.shape[0]:
            idx = self.draw(st.lists(st.integers(0, t.shape[0] - 1), min_size=1, max_size=4))
            if self.draw(st.booleans()):
                self.emit(f"{v} = {x}[{idx}]")
            else:
                self.emit(f"{v} = {x}.index_select(0, torch.tensor({idx}))")
        elif kind == "flip" and nd:
            self.emit(f"{v} = {x}.flip({self.dim(t)})")
        else:
            self.emit(f"{v} = {x}.reshape(-1)")

    def matmul(self):
        x = self.pick(lambda u: u.dim() >= 1 and 0 not in u.shape)
        if x is None:
            return
        t = self.t(x)
        v = self.fresh()
        kind = self.choice(["leaf", "gram", "gramT", "vec"])
        if kind == "gram" and t.dim() >= 2:
            self.emit(f"{v} = {x} @ {x}.mT", [(v, f"{x}.abs() @ {x}.abs().mT")])
            return
        if kind == "gramT" and t.dim() >= 2:
            self.emit(f"{v} = {x}.mT @ {x}", [(v, f"{x}.abs().mT @ {x}.abs()")])
            return
        k = t.shape[-1]
        if kind == "vec":
            shape = (k,)
        else:
            batch = []
            if t.dim() > 2 and self.draw(st.booleans()):
                batch = [self.choice([1, t.shape[-3]])]
            shape = tuple(batch) + (k, self.draw(st.integers(1, MAX_SIDE)))
        w = self.leaf(shape, dtype=None if self.chance(8) else str(t.dtype).split(".")[1])
        if self.dead:
            return
        self.emit(f"{v} = {x} @ {w}", [(v, f"{x}.abs() @ {w}.abs()")])

    def inplace(self):
        # mostly on non-leaves; sometimes on a leaf, where torch's error is the test
        x = self.pick(lambda u: not u.is_leaf and not _views_grad_leaf(u)) \
            if not self.chance(8) else self.pick()
        if x is None:
            return
        t = self.t(x)
        c = self.scalar()
        kind = self.choice(["add_", "mul_s", "clamp_", "setitem", "setitem_t", "mul_",
                            "iadd", "sub_", "exp_", "relu_", "div_", "zero_", "copy_", "fill_",
                            "neg_", "sigmoid_"])
        if kind in ("add_", "mul_", "iadd", "sub_", "div_", "copy_"):
            y = self.operand_for(x, into=True)
            if self.dead:
                return
            if kind == "add_" and self.draw(st.booleans()):
                # x + alpha * y rounded once, as above; |old x| <= |x| + |alpha * y|
                self.emit(f"{x}.add_({y}, alpha={c})",
                          [(x, f"{x}.abs() + {2 * abs(c)} * {y}.abs()")])
                return
            self.emit({"add_": f"{x}.add_({y})", "mul_": f"{x}.mul_({y})",
                       "iadd": f"{x} += {y}", "sub_": f"{x}.sub_({y})",
                       "div_": f"{x}.div_({y}.abs() + 0.5)", "copy_": f"{x}.copy_({y})"}[kind])
        elif kind == "mul_s":
            self.emit(self.choice([f"{x}.mul_({c})", f"{x}.add_({c})", f"{x} *= {c}"]))
        elif kind == "clamp_":
            lo, hi = self.choice([-1.0, -0.5, 0.0]), self.choice([0.5, 1.0, 2.0])
            self.emit(f"{x}.clamp_({lo}, {hi})")
        elif kind in ("relu_", "zero_", "neg_"):
            self.emit(f"{x}.{kind}()")
        elif kind == "fill_":
            self.emit(f"{x}.fill_({c})")
        elif kind in ("exp_", "sigmoid_"):
            pre = f"{x}.clamp_(-6, 6).exp_()" if kind == "exp_" else f"{x}.sigmoid_()"
            self.emit(pre, [(x, "rel")])
        else:  # setitem: through an index into x (a view of x is written)
            nd = t.dim()
            if nd == 0:
                self.emit(f"{x}[...] = {c}")
                return
            d = self.draw(st.integers(0, nd - 1))
            size = t.shape[d]
            if self.draw(st.booleans()) and size:
                piece = str(self.draw(st.integers(-size, size - 1)))
            else:
                a = self.draw(st.integers(0, size))
                piece = f"{a}:{self.draw(st.integers(a, size))}"
            index = ":, " * d + piece
            if kind == "setitem":
                self.emit(f"{x}[{index}] = {c}")
                return
            try:
                target = tuple(t[eval(f"np.s_[{index}]", {"np": np})].shape)  # noqa: S307
            except Exception:  # noqa: BLE001
                target = tuple(t.shape)
            y = self.pick(lambda u: _broadcasts_into(u.shape, target))
            if y is None or self.draw(st.booleans()):
                y = self.leaf(tuple(s if self.draw(st.booleans()) else 1 for s in target))
                if self.dead:
                    return
            tail = self.choice(["", ".sin()", " * 2"])
            at = "|" + str(self.t(y).dtype).split(".")[1]  # sin rounds in y's dtype
            self.emit(f"{x}[{index}] = {y}{tail}", [(x, "rel" + at)] if tail == ".sin()" else [])

    def retain_grad(self):
        x = self.pick(lambda u: not u.is_leaf) if not self.chance(6) else self.pick()
        if x is not None:
            self.emit(f"{x}.retain_grad()")

    FAMILIES = ("unary_exact", "unary_inexact", "binary", "reduction", "shape_op", "inplace",
                "binary", "shape_op", "unary_inexact", "matmul", "softmax", "inplace",
                "retain_grad", "shape_op", "unary_exact", "binary")

    # -- the backward phase ------------------------------------------------------------
    def gradient_for(self, out):
        """A line making a gradient for out; returns its name (or None: no gradient)."""
        t = self.t(out)
        if t.dim() == 0 and self.draw(st.booleans()):
            return None
        shape = tuple(t.shape)
        if self.chance(25):  # the wrong shape: torch's error is the test
            shape = self.draw(hnp.array_shapes(min_dims=0, max_dims=2, min_side=1, max_side=3))
        if self.chance(25) and t.dim() and not self.chance(2):
            return None  # non-scalar without a gradient: torch's error is the test
        dtype = str(t.dtype).split(".")[1] if t.is_floating_point() else "float32"
        if self.chance(10):
            dtype = "float64" if dtype == "float32" else "float32"
        g = self.fresh("g")
        if 0 in shape:
            self.emit(f"{g} = torch.zeros({fmt_shape(shape)}, dtype=torch.{dtype})")
            return g
        width = 32 if dtype == "float32" else 64
        arr = self.draw(hnp.arrays(np.dtype(dtype), shape, elements=st.floats(
            -2, 2, width=width, allow_subnormal=False)))
        self.emit(f"{g} = torch.tensor({fmt_data(arr)}, dtype=torch.{dtype})")
        return g

    def backward_phase(self, mode):
        # the output: usually the newest value in the graph; sometimes any (torch's error for
        # one that does not require grad is compared too)
        out = self.pick() if self.chance(8) else next(
            (n for n in reversed(self.order)
             if _safe(lambda u: u.is_floating_point() and u.requires_grad, self.t(n))), None)
        if out is None:
            out = self.pick()
        if out is None:
            return
        g = self.gradient_for(out)
        if self.dead:
            return
        garg = f"{g}" if g else ""
        if mode == "backward":
            self.emit(f"{out}.backward({garg})")
        elif mode == "retain":
            sep = ", " if g else ""
            self.emit(f"{out}.backward({garg}{sep}retain_graph=True)")
            if self.dead:
                return
            g2 = self.gradient_for(out) if g and self.draw(st.booleans()) else g
            if self.dead:
                return
            self.emit(f"{out}.backward({g2 or ''})")
        elif mode == "twice":
            self.emit(f"{out}.backward({garg})")
            if not self.dead:
                self.emit(f"{out}.backward({garg})")
        elif mode == "double":
            wrt = [n for n in self.order
                   if _safe(lambda u: u.is_leaf and u.requires_grad, self.t(n))]
            if self.chance(10):
                wrt = [n for n in self.order if self.t(n).is_floating_point()][:2]
            if not wrt:
                self.emit(f"{out}.backward({garg})")
                return
            unused = ", allow_unused=True" if not self.chance(6) else ""
            gs = self.fresh("g")
            go = f", {g}" if g else ""
            self.emit(f"{gs} = torch.autograd.grad({out}, [{', '.join(wrt)}]{go}, "
                      f"create_graph=True{unused})")
            if self.dead:
                return
            s = self.fresh("v")
            self.emit(f"{s} = sum(d.square().sum() for d in {gs} if d is not None)",
                      [(s, "rel*16|float32")])
            if self.dead:
                return
            s_value = self.ns[s]
            if isinstance(s_value, torch.Tensor) and s_value.requires_grad or self.chance(10):
                self.emit(f"{s}.backward()")
            else:  # the gradients are constants: backward through the retained graph instead
                self.emit(f"{out}.backward({garg})")
        else:
            raise ValueError(mode)


def _safe(pred, t):
    """pred(t), False where it raises (torch raises reading is_leaf/grad_fn of a multi-output
    view whose base was modified in place)."""
    try:
        return bool(pred(t))
    except RuntimeError:
        return False


def _views_grad_leaf(t):
    base = t._base
    return base is not None and base.is_leaf and base.requires_grad


def _broadcasts_into(shape, target):
    try:
        return tuple(torch.broadcast_shapes(tuple(shape), tuple(target))) == tuple(target)
    except RuntimeError:
        return False


MODES = ("backward", "retain", "twice", "double")


@st.composite
def programs(draw, mode=None):
    """A random program: leaves, 2-10 ops, then (unless torch raised) a backward phase."""
    b = Builder(draw)
    b.leaves()
    n_ops = draw(st.integers(2, 10))
    done = 0
    for _ in range(3 * n_ops):
        if done >= n_ops or b.dead:
            break
        before = len(b.lines)
        getattr(b, draw(st.sampled_from(Builder.FAMILIES)))()
        done += len(b.lines) > before
    chosen = mode or draw(st.sampled_from(MODES))
    if not b.dead:
        b.backward_phase(chosen)
    return Program(tuple(b.lines), chosen)

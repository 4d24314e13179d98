"""From an op's NumPy result to a Tensor, recording a graph node when needed.

The op table (``torchlite/_ops``) declares each op with ``defop``: its grad_fn
name, the names of its arguments, and one derivative rule per differentiable
input.  A public function (``torch.mul`` and friends) prepares NumPy arrays,
computes the forward, and hands the result here:

* ``finish`` wraps the array; if grad mode is on and an input requires grad
  it records a node: edges to the inputs' nodes, their shapes and dtypes
  (the engine reduces and casts gradients with them), and the values the
  rules will read, found by the rules' parameter names;
* ``finish_view`` also makes the result share the base's version counter;
* ``inplace`` checks torch's in-place rules, bumps the version and rebases
  the history (``CopySlices`` when the tensor is a view).

Nothing is recorded on the fast path (grad mode off, or no input requires
grad): a result costs one array and one Tensor.
"""

from __future__ import annotations

import inspect

import numpy as np

from . import _errors
from ._dtype import _FROM_NP
from ._tensor import Tensor, AutogradMeta, make, make_view, Size, DEFAULT, NO_GRAD_MODE, MULTI_OUTPUT
from .autograd import grad_mode
from .autograd.graph import (Node, node_class, new_node, accumulate_node, current_saved_hooks,
                             _saved_hooks, AnomalyState as _Anomaly, _seq as _node_seq,
                             HOOKS_ACTIVE as _HOOKS_ACTIVE)

_state = grad_mode._state
_isinstance = isinstance

# a view returned by a custom Function (made in its forward, or an input returned as is);
# its ViewInfo's multi_name/multi_nr name the Function and the output
IN_CUSTOM_FUNCTION = 3


class Op:
    """One row of the op table: a grad_fn name and a derivative rule per input."""

    __slots__ = ("name", "node_cls", "argnames", "n_inputs", "rules", "needs", "argindex",
                 "outputs_differentiable", "variadic", "custom_apply", "outputs", "also_save",
                 "saved_names", "unpack_order", "plans", "input_slots", "fast1", "rule_seq", "free_names")

    def __init__(self, name, grad_fn, argnames, n_inputs, rules, outputs_differentiable=None,
                 variadic=False, custom_apply=None, outputs=("result",), also_save=(),
                 rule_order=None):
        self.name = name
        self.variadic = variadic
        self.custom_apply = custom_apply
        self.outputs = tuple(outputs)
        self.also_save = tuple(also_save)
        # what a node saves, per mask of the inputs requiring grad (see _save_plan)
        self.plans = [None] * (2 if variadic else 2 ** n_inputs)
        self.node_cls = node_class(grad_fn)
        self.argnames = tuple(argnames)
        self.n_inputs = n_inputs
        self.argindex = {n: i for i, n in enumerate(self.argnames)}
        self.rules = tuple(rules.get(n) for n in self.argnames[:n_inputs])
        needs = []
        for rule in self.rules:
            if rule is None:
                needs.append(())
                continue
            params = tuple(inspect.signature(rule).parameters)[1:]  # first is grad
            for p in params:
                if p not in self.argindex and p not in self.outputs:
                    raise TypeError(f"rule of {name} reads unknown value {p!r}")
            needs.append(params)
        self.needs = tuple(needs)
        # the engine unpacks saved values in torch's order, which decides the value a
        # version-counter error names: the saved inputs in the alphabetical order of their
        # names, then the saved outputs
        used = frozenset(n for ns in needs for n in ns)
        self.unpack_order = tuple(sorted(used - frozenset(self.outputs))) + tuple(
            n for n in self.outputs if n in used)
        self.outputs_differentiable = outputs_differentiable
        # what tensor.grad_fn._saved_<name> can show (None when not saved this time)
        self.saved_names = frozenset(n for ns in needs for n in ns) | frozenset(self.also_save)
        # tensor-input slots: a Python number saved from one is freed after backward, as torch
        # frees the wrapped-number tensor it saves there
        self.input_slots = frozenset() if variadic else frozenset(self.argnames[:n_inputs])
        # release_saved frees what this op saved under these names (tensor-input slots and
        # outputs) and any saved tensor (None: the general rules of release_saved)
        self.free_names = None if variadic or custom_apply is not None or \
            "fn" in self.saved_names else self.input_slots | frozenset(self.outputs)
        # record1 (one output, at most two tensor inputs) can record this op
        self.fast1 = not variadic and n_inputs <= 2 and outputs_differentiable is None
        # the order the engine runs the rules in: torch's generated code computes an op's input
        # gradients in the alphabetical order of their names (mul: other, then self), which
        # decides the order of the nodes a create_graph backward records; rule_order="inputs"
        # for ops whose torch formula computes all of them together, in input order (atan2)
        seq = tuple(range(n_inputs))
        if rule_order is None and not variadic:
            seq = tuple(sorted(seq, key=lambda i: self.argnames[i]))
        self.rule_seq = None if seq == tuple(range(n_inputs)) else seq

    def __repr__(self):
        return f"<op {self.name} -> {self.node_cls.__name__}>"


def defop(name, grad_fn, args=("self",), inputs=None, outputs_differentiable=None,
          variadic=False, custom_apply=None, outputs=("result",), also_save=(), rule_order=None,
          **rules):
    """Declare an op.

    ``args`` names every value the rules may read, tensor inputs first;
    ``inputs`` is how many of them are tensor inputs (edges of the node;
    default: those with a rule, counted from the start).  Each keyword is the
    derivative rule for the input of that name: ``rule(grad, *needed)`` where
    the parameter names after ``grad`` say what the node must save (argument
    names, or ``result``/``result<k>`` for outputs).

    A ``variadic`` op (cat, stack) takes a sequence of tensors as its first
    value; its one rule returns a gradient for each of them.  ``outputs``
    names the op's outputs for the rules (``("result", "indices")``), and
    ``also_save`` lists values kept only to be shown as ``grad_fn._saved_*``,
    with torch's names.  The engine runs the rules in the alphabetical order of the inputs'
    names, as torch does, or in input order with ``rule_order="inputs"``.
    """
    if inputs is None:
        inputs = 1 if variadic else max((args.index(n) + 1 for n in rules), default=0)
    unknown = set(rules) - set(args[:inputs])
    if unknown:
        raise TypeError(f"{name}: rules for unknown inputs {unknown}")
    return Op(name, grad_fn, args, inputs, rules, outputs_differentiable, variadic, custom_apply,
              outputs, also_save, rule_order)


# --- saved values -----------------------------------------------------------

class SavedInput:
    """An input tensor saved for backward, with its version at save time."""

    __slots__ = ("tensor", "version")

    def __init__(self, tensor, version):
        self.tensor = tensor
        self.version = version

    def unpack(self, node):
        t = self.tensor
        vc = t._vc
        if vc is not None and vc[0] != self.version:
            fn = t.grad_fn  # as torch, the current one (a view's is regenerated)
            raise RuntimeError(_errors.version_mismatch(
                _describe(t._data, t._dtype, fn, t._output_nr), vc[0], self.version))
        return t


class SavedOutput:
    """An output saved by its own node: the array, not the tensor (which points at the node)."""

    __slots__ = ("data", "dtype", "vc", "version", "output_nr")

    def __init__(self, tensor, output_nr):
        self.data = tensor._data
        self.dtype = tensor._dtype
        self.vc = tensor._vc
        self.version = tensor._vc[0]
        self.output_nr = output_nr

    def unpack(self, node):
        vc = self.vc
        if vc[0] != self.version:
            raise RuntimeError(_errors.version_mismatch(
                _describe(self.data, self.dtype, node, self.output_nr), vc[0], self.version))
        return self.output(node)

    def output(self, node):
        """The output again, as a tensor of ``node`` (its version already checked)."""
        t = make(self.data, self.dtype)
        t._vc = self.vc
        if self.dtype.is_floating_point:
            t._grad_fn = node
            t._output_nr = self.output_nr
            t._requires_grad = True
        return t


class SavedOutputOfView(SavedOutput):
    """The output an in-place op on a view saved (torch's is_inplace_on_view SavedVariable):
    a version error names the view's grad_fn at save time (``AsStrided``) while that node is
    alive (torch keeps a weak reference), else the op's node."""

    __slots__ = ("view_fn",)

    def unpack(self, node):
        vc = self.vc
        if vc[0] != self.version:
            fn = self.view_fn()
            raise RuntimeError(_errors.version_mismatch(
                _describe(self.data, self.dtype, node if fn is None else fn, self.output_nr),
                vc[0], self.version))
        return self.output(node)


class SavedPacked:
    """A tensor saved through saved_tensors_hooks: what pack returned, and unpack."""

    __slots__ = ("packed", "unpack_hook")

    def __init__(self, packed, unpack_hook):
        self.packed = packed
        self.unpack_hook = unpack_hook

    def unpack(self, node):
        return self.unpack_hook(self.packed)


def SavedTensor(tensor, is_output=False, output_nr=0):
    """Save ``tensor`` for backward (an output of the node being recorded, or an input)."""
    vc = tensor._vc
    if vc is None:
        raise RuntimeError(_errors.INFERENCE_SAVED)
    hooks = current_saved_hooks()
    if hooks is not None:
        return SavedPacked(hooks[0](tensor), hooks[1])
    if is_output:
        return SavedOutput(tensor, output_nr)
    return SavedInput(tensor, vc[0])


_LEGACY_TYPE = {"float32": "FloatTensor", "float64": "DoubleTensor", "float16": "HalfTensor",
                "int64": "LongTensor", "int32": "IntTensor", "int16": "ShortTensor",
                "int8": "CharTensor", "uint8": "ByteTensor", "bool": "BoolTensor"}


def legacy_type_name(dtype):
    return "torch." + _LEGACY_TYPE[dtype.name]


def _describe(data, dtype, grad_fn, output_nr):
    shape = ", ".join(str(s) for s in data.shape)
    desc = f"[{legacy_type_name(dtype)} [{shape}]]"
    if grad_fn is not None:
        desc += f", which is output {output_nr} of {_short_name(grad_fn)},"
    return desc


def _short_name(node):
    # torch names the op that produced the tensor: "MulBackward0" -> "Mul", but
    # "SumBackward1" -> "Sum1", "FooBackward" -> "Foo"; a name that does not end in
    # "Backward<N>" stays whole ("torch::autograd::CopyBackwards", "...::CopySlices")
    name = node.name()
    i = name.rfind("Backward")
    if i <= 0:
        return name
    rest = name[i + 8:]
    if rest and not rest.isdigit():
        return name
    return name[:i] + ("" if rest == "0" else rest)


class SavedNumber:
    """A non-tensor value that torch saves as tensors (index lists, ...): freed after backward
    like one.  (Python numbers in tensor-input slots need no wrapper: they are freed by slot.)"""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def unpack(self, node):
        return self.value


_SAVED_TYPES = frozenset((SavedInput, SavedOutput, SavedOutputOfView, SavedPacked, SavedNumber))


class _Freed:
    __slots__ = ()


FREED = _Freed()


def unpack_saved(node, key):
    v = node._saved[key]
    t = type(v)
    if t in _SAVED_TYPES:
        return v.unpack(node)
    if v is FREED:
        raise RuntimeError(_errors.BACKWARD_TWICE)
    if t is tuple and v and type(v[0]) in _SAVED_TYPES:
        return tuple(s.unpack(node) for s in v)
    return v


def present_saved(node, key, value):
    """A Python number saved in a tensor-input slot shows as torch's wrapped-number tensor."""
    op = node._op
    idx = op.argindex.get(key)
    if idx is not None and idx < op.n_inputs and not _isinstance(value, Tensor) and value is not None:
        from ._dtype import bool_, int64, float64
        d = bool_ if isinstance(value, bool) else int64 if isinstance(value, int) else float64
        return make(np.array(value, d.np), d)
    if type(value) is tuple:
        return tuple(int(v) if isinstance(v, np.integer) else v for v in value)
    return value


def release_saved(node):
    """Free what a node saved for backward (after a backward without retain_graph).

    Only saved tensors are freed (and make a second backward raise), with the Python numbers
    saved from tensor-input slots (torch saves those as tensors); numbers and dims a node
    keeps as parameters stay, as in torch.
    """
    saved = node._saved
    if not saved:
        return
    op = node._op
    free = op.free_names if op.__class__ is Op else None
    if free is not None:  # a table op (no CopySlices "fn", no variadic input)
        for k, v in saved.items():
            if v is not None and (k in free or v.__class__ in _SAVED_TYPES or (
                    v.__class__ is tuple and any(type(x) in _SAVED_TYPES for x in v))):
                saved[k] = FREED
                node._released = True
        return
    slots = getattr(op, "input_slots", ())
    for k, v in saved.items():
        t = type(v)
        if t in _SAVED_TYPES or (t is tuple and any(type(x) in _SAVED_TYPES for x in v)) or (
                k in slots and v is not None and v is not FREED):
            saved[k] = FREED
            node._released = True
        elif k == "fn" and _isinstance(v, Node):
            # CopySlices drops its op's node (a second backward through it raises), but does
            # not free what that node saved: a create_graph gradient may still run it directly
            saved[k] = FREED
            node._released = True


# --- recording ----------------------------------------------------------------

def _edge(t):
    view = t._view
    if view is not None:
        vc = t._vc
        if vc is not None and view.version != vc[0]:
            refresh_view(t)
    fn = t._grad_fn
    if fn is not None:
        return (fn, t._output_nr)
    if view is not None and view.creation == NO_GRAD_MODE:
        return (None, 0)  # torch gives such views no grad accumulator
    return (accumulate_node(t), 0)


def refresh_view(t):
    """The base of view ``t`` changed in place: t's history is now a strided view of it.

    Views made under no_grad or by a multi-output op cannot be given that history:
    as torch, using them (or reading their grad_fn) then raises.
    """
    view = t._view
    base = view.base
    if view.creation != DEFAULT and (t._grad_fn is not None or base._requires_grad):
        raise RuntimeError(_view_inplace_error(t, view, True))
    view.version = t._vc[0]
    if base._requires_grad and view.creation == DEFAULT:
        from ._ops.shape import AS_STRIDED
        prev = _state.enabled
        _state.enabled = True
        try:
            record(AS_STRIDED, (t,), (base, base._data.shape, view.steps))
        finally:
            _state.enabled = prev
        _move_retain_grad(t, t._grad_fn)


_CUSTOM_VIEW = ("This view was created inside a custom Function (or because an input was returned "
                "as-is) and the autograd logic to handle view+inplace would override the custom "
                "backward associated with the custom Function, leading to incorrect gradients. This "
                "behavior is forbidden. You can fix this by cloning the output of the custom "
                "Function.")


_NO_EDGE = (None, 0)
_new = object.__new__
_next_seq = _node_seq.__next__
_saved_hooks_state = _saved_hooks  # .stack is non-empty while saved_tensors_hooks are active


def _save_plan(op, mask):
    """What a node of ``op`` saves when the inputs in ``mask`` require grad.

    A tuple of (name, kind, index): kind 0 an output, 1 a tensor-input slot, 2 a parameter.
    Computed once per op and mask.
    """
    names = []
    for i, ns in enumerate(op.needs):
        if mask >> (0 if op.variadic else i) & 1 or (op.variadic and mask):
            for n in ns:
                if n not in names:
                    names.append(n)
    for n in op.also_save:
        if n not in names:
            names.append(n)
    plan = []
    for n in names:
        if n in op.outputs:
            plan.append((n, 0, op.outputs.index(n)))
        else:
            j = op.argindex[n]
            plan.append((n, 1 if j < op.n_inputs and not op.variadic else 2, j))
    plan = tuple(plan)
    op.plans[mask] = plan
    return plan


def record(op, outputs, values, save_result_copy=None):
    """Make the node for ``outputs`` (tuple of Tensors) computed from ``values``."""
    node = new_node(op.node_cls, op)
    inputs = values[0] if op.variadic else values[:op.n_inputs]
    edges = []
    meta = []
    mask = 0
    bit = 1
    for v in inputs:
        if v is not None and (v.__class__ is Tensor or _isinstance(v, Tensor)) and v._requires_grad:
            fn = v._grad_fn
            if v._view is not None:
                edges.append(_edge(v))
            elif fn is not None:
                edges.append((fn, v._output_nr))
            else:
                edges.append((accumulate_node(v), 0))
            meta.append((v._data.shape, v._dtype))
            mask |= bit
        else:
            edges.append(_NO_EDGE)
            meta.append(None)
        bit <<= 1
    node.next_functions = tuple(edges)
    node._in_meta = meta
    node._nout = len(outputs)
    diff = op.outputs_differentiable
    k = 0
    for out in outputs:
        if out is not None and (diff is None or diff[k]) and out._dtype.is_floating_point:
            out._grad_fn = node
            out._output_nr = k
            out._requires_grad = True
        k += 1
    if op.variadic:
        mask = 1 if mask else 0
    plan = op.plans[mask]
    if plan is None:
        plan = _save_plan(op, mask)
    if plan:
        saved = {}
        generic = bool(_saved_hooks_state.stack) or save_result_copy is not None
        for name, kind, j in plan:
            if kind == 0:
                saved[name] = SavedTensor(outputs[j], True, j)
                continue
            v = values[j]
            if v.__class__ is Tensor or _isinstance(v, Tensor):
                if save_result_copy is not None and name in save_result_copy:
                    v = save_result_copy[name]
                vc = v._vc
                if generic or vc is None:
                    saved[name] = SavedTensor(v)
                else:
                    saved[name] = SavedInput(v, vc[0])
            elif type(v) is tuple and v and _isinstance(v[0], Tensor):
                saved[name] = tuple(SavedTensor(x) for x in v)
            else:
                saved[name] = v
        node._saved = saved
    return node


def _input_edge(v):
    """(edge, meta, requires) for one value in a tensor-input slot."""
    if v is not None and (v.__class__ is Tensor or _isinstance(v, Tensor)) and (
            v._requires_grad or (v._view is not None and v._view.base._requires_grad)):
        if v._view is not None:
            return _edge(v), (v._data.shape, v._dtype), True
        fn = v._grad_fn
        if fn is not None:
            return (fn, v._output_nr), (v._data.shape, v._dtype), True
        return (accumulate_node(v), 0), (v._data.shape, v._dtype), True
    return _NO_EDGE, None, False


def record1(op, t, values):
    """record() for the common case: one output, one or two tensor inputs (no saved hooks).

    The hot path of graph building: everything inlined.
    """
    if not op.fast1 or _HOOKS_ACTIVE[0] or not t._dtype.is_floating_point:  # (hooks, anomaly)
        return record(op, (t,), values)
    n = op.n_inputs
    node = _new(op.node_cls)
    node._op = op
    node._seq = _next_seq()
    node._saved = None
    node._released = False
    node._extra = None
    node._nout = 1
    v = values[0]
    if v.__class__ is Tensor and v._requires_grad and v._view is None:
        fn = v._grad_fn
        e0 = (fn, v._output_nr) if fn is not None else (accumulate_node(v), 0)
        m0 = (v._data.shape, v._dtype)
        mask = 1
    else:
        e0, m0, mask = _input_edge(v)
    if n == 2:
        v = values[1]
        if v.__class__ is Tensor and v._requires_grad and v._view is None:
            fn = v._grad_fn
            e1 = (fn, v._output_nr) if fn is not None else (accumulate_node(v), 0)
            m1 = (v._data.shape, v._dtype)
            mask |= 2
        elif v.__class__ is float or v.__class__ is int:
            e1 = _NO_EDGE
            m1 = None
        else:
            e1, m1, r1 = _input_edge(v)
            mask |= r1 << 1
        node.next_functions = (e0, e1)
        node._in_meta = (m0, m1)
    else:
        node.next_functions = (e0,)
        node._in_meta = (m0,)
    t._grad_fn = node
    t._requires_grad = True
    plan = op.plans[mask]
    if plan is None:
        plan = _save_plan(op, mask)
    if plan:
        saved = {}
        for name, kind, j in plan:
            if kind == 0:  # SavedOutput(t, 0), without the cost of a constructor call
                sv = saved[name] = _new(SavedOutput)
                sv.data = t._data
                sv.dtype = t._dtype
                vc = sv.vc = t._vc
                sv.version = vc[0]
                sv.output_nr = 0
                continue
            v = values[j]
            c = v.__class__
            if c is float or c is int:  # a number, saved as given
                saved[name] = v
            elif c is Tensor or _isinstance(v, Tensor):
                vc = v._vc
                if vc is None:
                    saved[name] = SavedTensor(v)
                else:  # SavedInput(v, vc[0])
                    sv = saved[name] = _new(SavedInput)
                    sv.tensor = v
                    sv.version = vc[0]
            elif c is tuple and v and _isinstance(v[0], Tensor):
                saved[name] = tuple(SavedTensor(x) for x in v)
            else:
                saved[name] = v
        node._saved = saved
    return node


def wants_grad(values, n_inputs):
    """True if grad mode is on and a tensor input requires grad."""
    if not _state.enabled:
        return False
    for i in range(n_inputs):
        v = values[i]
        if _isinstance(v, Tensor) and _needs_grad(v):
            return True
    return False


def _needs_grad(v):
    """torch's requires_grad() of a tensor: its flag, or for a view its base's (a base that
    joined the graph through an in-place op after the view was made)."""
    return v._requires_grad or (v._view is not None and v._view.base._requires_grad)


def _op_wants_grad(op, values):
    if op.variadic:
        for v in values[0]:
            if v._requires_grad or (v._view is not None and v._view.base._requires_grad):
                return True
        return False
    for i in range(op.n_inputs):
        v = values[i]
        if _isinstance(v, Tensor) and (
                v._requires_grad or (v._view is not None and v._view.base._requires_grad)):
            return True
    return False


def finish(op, out, dtype, values):
    """Wrap ``out`` (the op's result array) and record the op if needed."""
    if type(out) is not np.ndarray:
        out = np.asarray(out)
    t = make(out, dtype if dtype is not None else _FROM_NP[out.dtype])
    if _state.enabled and t._dtype.is_floating_point and _op_wants_grad(op, values):
        record1(op, t, values)
    return t


def finish_multi(op, outs, values):
    """Several outputs: a tuple of (array, dtype); integer outputs are not differentiable."""
    ts = tuple(make(np.asarray(a) if type(a) is not np.ndarray else a,
                    d if d is not None else _FROM_NP[a.dtype]) for a, d in outs)
    if _state.enabled and _op_wants_grad(op, values):
        record(op, ts, values)
    return ts


def finish_view(op, base, out, values, step):
    """The result of a view op: shares memory and version counter with ``base``.

    ``step`` replays the view on another tensor of the base's shape (used by
    CopySlices and AsStrided backward): a callable Tensor -> Tensor.
    """
    if type(out) is not np.ndarray:
        out = np.asarray(out)
    t = make_view(base, out, base._dtype, step)
    if _state.enabled:
        if _op_wants_grad(op, values):
            record(op, (t,), values)
    return t


# --- in-place -------------------------------------------------------------------

def check_inplace(self, values, n_inputs, overlap=False):
    """Raise torch's error for an in-place op that autograd can't allow.

    Returns True if the op must be recorded.  As torch, the autograd checks come first, then
    (``overlap``: the ops torch runs through TensorIterator, copy_, the random fills, scatter)
    the internal-overlap check of the written-to tensor.
    """
    if self._vc is None and not _state.inference:
        raise RuntimeError(_errors.INFERENCE_INPLACE)
    view = self._view
    if view is not None:
        return _check_inplace_view(self, view, values, n_inputs, overlap)
    if not _state.enabled:
        return False
    if self._requires_grad:
        if self._grad_fn is None:
            raise RuntimeError(_errors.LEAF_INPLACE)
        return True
    for i in range(n_inputs):
        v = values[i]
        if _isinstance(v, Tensor) and v._requires_grad:
            return True
    return False


def _check_inplace_view(self, view, values, n_inputs, overlap):
    """check_inplace for a view, in torch's order (its check_inplace, then the kernel's)."""
    recording = False
    if _state.enabled:
        base = view.base
        # torch's requires_grad() of a view: its own flag or its base's
        rg = self._requires_grad or base._requires_grad
        if rg or _any_requires_grad(values, n_inputs):
            if view.creation != DEFAULT:
                raise RuntimeError(_view_inplace_error(self, view, False))
            if rg:
                # torch reads is_leaf() without regenerating a view's grad_fn
                if base._grad_fn is None:
                    raise RuntimeError(_errors.VIEW_OF_LEAF_INPLACE)
                if self._grad_fn is None:
                    raise RuntimeError(_errors.LEAF_INPLACE)
            recording = True
    if overlap and 0 in self._data.strides:
        check_internal_overlap(self)
    return recording


def _internal_overlap(a):
    """torch's has_internal_overlap(...) == YES: an expanded (stride 0) dim of size > 1 in a
    non-empty tensor; other self-overlapping layouts are too hard to tell (allowed)."""
    if a.size == 0:
        return False  # non-overlapping and dense
    for n, st in zip(a.shape, a.strides):
        if st == 0 and n > 1:
            return True
    return False


def check_internal_overlap(t):
    """torch's assert_no_internal_overlap."""
    if _internal_overlap(t._data):
        raise RuntimeError(_errors.INTERNAL_OVERLAP)


def warn_internal_overlap(t, op_name):
    """masked_fill_/index_fill_/index_put_ on an expanded tensor: torch writes, with a
    deprecation warning (every time), instead of refusing."""
    if _internal_overlap(t._data):
        _errors.warn(_errors.expanded_inplace_deprecated(op_name))


def _view_inplace_error(t, view, indirect):
    """torch's message for an in-place op on a view it forbids to modify (made in no_grad mode,
    by a multi-output op or inside a custom Function): ``t`` is modified (``indirect``: its
    base or another view of it was).  Names t's own node, as torch, without regenerating it."""
    creation = view.creation
    modified = "its base or another view of its base has been" if indirect else "is being"
    fn = t._grad_fn
    no_grad = creation != MULTI_OUTPUT and creation != IN_CUSTOM_FUNCTION
    if no_grad or fn is None:
        if fn is not None:
            prefix = (f"Output {t._output_nr} of {_short_name(fn)} is a view of a view which was "
                      "created in")
        else:
            prefix = "A view was created in"
        msg = f"{prefix} no_grad mode and {modified} modified inplace with grad mode enabled."
    else:
        msg = f"Output {t._output_nr} of {_short_name(fn)} is a view and {modified} modified inplace."
    if creation == MULTI_OUTPUT:
        return f"{msg} {_errors.MULTI_VIEW_SUFFIX}"
    if creation == IN_CUSTOM_FUNCTION:
        return f"{msg} {_CUSTOM_VIEW}"
    return f"{msg} {_errors.NO_GRAD_VIEW_SUFFIX}"


def bump(t):
    vc = t._vc
    if vc is not None:
        vc[0] += 1


def rebase(op, self, values, recording, save_copy=None):
    """After an in-place op wrote into ``self``: bump the version, record the op.

    ``values[0]`` is ``self`` as an input (its old history).  When ``self`` is
    a view of a tensor in the graph, the base gets a CopySlices node and the
    view an AsStridedBackward0 node, as in torch.  As torch, the node is
    recorded before the version is bumped: inputs sharing ``self``'s version
    counter (``h.mul_(h)``, a view of it) keep their history and are saved at
    the version before the write, so a backward through them raises.
    """
    if not recording:
        bump(self)
        return self
    view = self._view
    if view is None or not (view.base._requires_grad or _any_requires_grad(values, op.n_inputs)):
        # plain rebase: the new node's first edge is self's old history
        old = make(self._data, self._dtype)
        old._grad_fn, old._output_nr, old._requires_grad = self._grad_fn, self._output_nr, self._requires_grad
        if self._requires_grad and self._grad_fn is None:
            old._meta = self._meta
        vals = (old,) + tuple(values[1:])
        node = record(op, (self,), vals, save_copy)
        bump_after_record(self, node)
        _move_retain_grad(self, node)
        return self
    from .autograd import _views
    _views.record_copy_slices(op, self, values, save_copy)
    return self


def bump_after_record(t, node):
    """Bump ``t``'s version once ``node`` (the in-place op that wrote it) is recorded: its
    saved outputs (``t``) expect the new version, its saved inputs the old one."""
    vc = t._vc
    if vc is None:
        return
    vc[0] += 1
    saved = node._saved
    if saved:
        for v in saved.values():
            for s in (v if type(v) is tuple else (v,)):
                if type(s) is SavedOutput and s.vc is vc:
                    s.version = vc[0]


def _any_requires_grad(values, n):
    for i in range(n):
        v = values[i]
        if _isinstance(v, Tensor) and v._requires_grad:
            return True
    return False


def _move_retain_grad(t, node):
    """A rebased tensor keeps retaining its grad, now at its new node."""
    meta = t._meta
    if meta is not None and meta.retains_grad:
        old = meta.retain_node
        if old is not None and old._retain_hooks:
            old._retain_hooks.pop(meta.retain_nr, None)
        register_retain(t, node, 0)


def register_retain(t, node, output_nr):
    import weakref
    e = node._extras()
    if e.retain is None:
        e.retain = {}
    e.retain[output_nr] = weakref.ref(t)
    t._meta.retain_node = node
    t._meta.retain_nr = output_nr


__all__ = ["Op", "defop", "finish", "finish_multi", "finish_view", "record", "check_inplace",
           "rebase", "bump", "SavedTensor", "unpack_saved", "release_saved", "AutogradMeta",
           "Size"]

"""class Tensor: a NumPy array plus autograd metadata.

A Tensor holds:

* ``_data``: the ``np.ndarray`` (views of other tensors are NumPy views);
* ``_dtype``: its torch dtype (``_data.dtype`` is always ``_dtype.np``);
* ``_requires_grad``, ``_grad_fn``, ``_output_nr``: its place in the graph;
* ``_vc``: the version counter, a one-element list shared with its views
  (None for inference tensors);
* ``_view``: a ``ViewInfo`` for a view (its base, how to replay it), else None;
* ``_meta``: an ``AutogradMeta`` for tensors that need one (``.grad``,
  hooks, retain_grad), else None.

The ops themselves live in the op table (``torchlite/_ops``); at the bottom
of this module the Tensor methods and operators are bound to them.
"""

from __future__ import annotations

import builtins
import re

import numpy as np

from . import _dtype as D
from . import _errors
from .autograd import grad_mode

_state = grad_mode._state
_new = object.__new__
_ndarray = np.ndarray
_FROM_NP = D._FROM_NP


class Size(tuple):
    """torch.Size: a tuple of ints with torch's repr."""

    __slots__ = ()

    def __new__(cls, sizes=()):
        sizes = tuple(sizes)
        for i, s in enumerate(sizes):
            if s.__class__ is not builtins.int and (not isinstance(s, (builtins.int, np.integer))
                                                    or isinstance(s, builtins.bool)):
                if not (isinstance(s, Tensor) and s._data.ndim == 0 and
                        s._dtype.category == D.INTEGRAL):
                    raise TypeError(f"torch.Size() takes an iterable of 'int' (item {i} is "
                                    f"'{type(s).__name__}')")
        return tuple.__new__(cls, (builtins.int(s) for s in sizes))

    def __repr__(self):
        return f"torch.Size([{', '.join(repr(s) for s in self)}])"

    __str__ = __repr__

    def numel(self):
        n = 1
        for s in self:
            n *= s
        return n

    def __getitem__(self, item):
        r = tuple.__getitem__(self, item)
        return Size(r) if isinstance(item, slice) else r

    def __add__(self, other):
        if not isinstance(other, tuple):
            raise TypeError(f"can only concatenate tuple (not {type(other).__name__}) to torch.Size")
        return Size(tuple.__add__(self, other))

    def __radd__(self, other):
        if not isinstance(other, tuple):
            return NotImplemented
        return Size(tuple.__add__(other, self))

    def __mul__(self, n):
        return Size(tuple.__mul__(self, n))

    __rmul__ = __mul__

    def __reduce__(self):
        return (Size, (tuple(self),))


Size.__module__ = "torch"

# the device types torch knows (it accepts them all, with or without the hardware)
DEVICE_TYPES = ("cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, "
                "lazy, vulkan, mps, meta, hpu, mtia, privateuseone")
_DEVICE_NAMES = frozenset(DEVICE_TYPES.split(", "))
_DEVICE_RE = re.compile(r"([a-zA-Z_]+)(?::([1-9][0-9]*|0))?")


class device:
    """torch.device.  Every device type parses as in torch; torchlite computes only on the CPU."""

    __slots__ = ("type", "index")

    def __init__(self, type, index=None):  # noqa: A002 - torch's argument name
        if isinstance(type, device):
            type, index = type.type, type.index  # noqa: A001
        elif isinstance(type, builtins.int) and not isinstance(type, builtins.bool):
            raise RuntimeError("Cannot access accelerator device when none is available.")
        elif not isinstance(type, str):
            raise TypeError(f"device() received an invalid combination of arguments - got "
                            f"({_tname(type)})")
        else:
            if not type:
                raise RuntimeError("Device string must not be empty")
            m = _DEVICE_RE.fullmatch(type)
            if m is None:
                raise RuntimeError(f"Invalid device string: '{type}'")
            if m.group(1) not in _DEVICE_NAMES:
                raise RuntimeError(f"Expected one of {DEVICE_TYPES} device type at start of "
                                   f"device string: {type}")
            if m.group(2) is not None:
                if index is not None:
                    raise RuntimeError(f"type (string) must not include an index because index "
                                       f"was passed explicitly: {type}")
                index = builtins.int(m.group(2))
            type = m.group(1)  # noqa: A001
        self.type = type
        self.index = index

    def __repr__(self):
        if self.index is None:
            return f"device(type='{self.type}')"
        return f"device(type='{self.type}', index={self.index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):
        if not isinstance(other, device):
            return False
        return (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))

    def __reduce__(self):
        return (device, (self.type, self.index))


device.__module__ = "torch"
CPU = device("cpu")


def _tname(x):
    return type(x).__name__


class AutogradMeta:
    """Per-tensor autograd state that most tensors never need."""

    __slots__ = ("grad", "retains_grad", "hooks", "post_acc_hooks", "grad_acc", "retain_node",
                 "retain_nr", "name")

    def __init__(self):
        self.grad = None
        self.retains_grad = False
        self.hooks = None
        self.post_acc_hooks = None
        self.grad_acc = None
        self.retain_node = None
        self.retain_nr = 0
        self.name = None


# how a view was created; torch forbids some in-place ops depending on it
DEFAULT, NO_GRAD_MODE, MULTI_OUTPUT = 0, 1, 2
# made in no_grad mode of a tensor that did not require grad: torch's NO_GRAD_MODE as well, but
# (unlike NO_GRAD_MODE views of a tensor requiring grad) it gets a grad accumulator once the
# user sets requires_grad on it
NO_GRAD_PLAIN = 4


class ViewInfo:
    """What a view knows about its base.

    ``steps`` replay the view on any tensor of the base's shape; ``version``
    is the base's version when the view's grad_fn was last set (a base
    modified in place since then gives the view a new AsStridedBackward0).
    """

    __slots__ = ("base", "steps", "creation", "multi_name", "multi_nr", "version")

    def __init__(self, base, steps, creation, version):
        self.base = base
        self.steps = steps
        self.creation = creation
        self.version = version
        self.multi_name = None
        self.multi_nr = 0


def make_view(src, arr, dtype, step, creation=DEFAULT):
    """A Tensor over ``arr`` (a NumPy view of ``src``'s data) that is a view of ``src``."""
    t = make(arr, dtype)
    vc = t._vc = src._vc
    sv = src._view
    if sv is None:
        info = ViewInfo(src, (step,) if step is not None else (), creation, vc[0] if vc else 0)
    else:
        info = ViewInfo(sv.base, sv.steps + ((step,) if step is not None else ()),
                        creation or sv.creation, vc[0] if vc else 0)
    t._view = info
    if not _state.enabled:
        if src._requires_grad:
            # a view made under no_grad of a tensor that requires grad
            t._requires_grad = True
            info.creation = NO_GRAD_MODE
        else:
            info.creation = NO_GRAD_PLAIN
    return t


def _engine():
    global _engine_module
    if _engine_module is None:
        from .autograd import engine
        _engine_module = engine
    return _engine_module


_engine_module = None


def make(arr, dtype):
    """Wrap an ndarray (already of ``dtype.np``) in a new Tensor.  The hot path."""
    if arr.__class__ is not _ndarray:  # a NumPy scalar from an op on 0-d arrays
        arr = np.asarray(arr)
    t = _new(Tensor)
    t._data = arr
    t._dtype = dtype
    t._requires_grad = False
    t._grad_fn = None
    t._output_nr = 0
    t._vc = None if _state.inference else [0]
    t._view = None
    t._meta = None
    return t


def wrap(arr):
    """Wrap an ndarray whose dtype torch supports, inferring the dtype."""
    return make(arr, _FROM_NP[arr.dtype])


class Tensor:
    # (__dict__: a tensor takes attributes of the user's, as torch's does; none of ours)
    __slots__ = ("_data", "_dtype", "_requires_grad", "_grad_fn", "_output_nr", "_vc", "_view",
                 "_meta", "__dict__", "__weakref__")

    __array_priority__ = 1000  # NumPy defers binary operators to us

    def __new__(cls, *args, **kwargs):
        from ._factory import legacy_new
        return legacy_new(cls, *args, **kwargs)

    # --- identity -----------------------------------------------------------
    def __hash__(self):
        return id(self)

    def __repr__(self, *, tensor_contents=None):
        from ._printing import tensor_repr
        suffixes = []
        fn = self._grad_fn
        if fn is not None:
            suffixes.append(f"grad_fn=<{type(fn).__name__}>")
        elif self._requires_grad:
            suffixes.append("requires_grad=True")
        return tensor_repr(self._data, self._dtype, suffixes)

    __str__ = __repr__

    def __format__(self, spec):
        if self._data.ndim == 0:
            return self.item().__format__(spec)
        return object.__format__(self, spec)

    def __reduce_ex__(self, proto):
        from ._factory import _rebuild
        return (_rebuild, (self._data.copy(), self._dtype.name, self._requires_grad))

    def __deepcopy__(self, memo):
        if not self.is_leaf:
            raise RuntimeError("Only Tensors created explicitly by the user (graph leaves) support "
                               "the deepcopy protocol at the moment.  If you were attempting to "
                               "deepcopy a module, this may be because of a torch.nn.utils.weight_norm "
                               "usage, see https://github.com/pytorch/pytorch/pull/103001")
        t = make(self._data.copy(), self._dtype)
        t._requires_grad = self._requires_grad
        if self._meta is not None and self._meta.grad is not None:
            t._meta = AutogradMeta()
            t._meta.grad = self._meta.grad.__deepcopy__(memo)
        memo[id(self)] = t
        return t

    # --- basic attributes -----------------------------------------------------
    @property
    def dtype(self):
        return self._dtype

    @property
    def shape(self):
        return Size(self._data.shape)

    def size(self, dim=None):
        if dim is None:
            return Size(self._data.shape)
        return self._data.shape[_wrap_dim(dim, self._data.ndim)]

    def dim(self):
        return self._data.ndim

    ndimension = dim

    @property
    def ndim(self):
        return self._data.ndim

    def numel(self):
        return self._data.size

    nelement = numel

    @property
    def device(self):
        return CPU

    @property
    def is_cuda(self):
        return False

    @property
    def is_cpu(self):
        return True

    @property
    def layout(self):
        from . import strided
        return strided

    def stride(self, dim=None):
        a = self._data
        if a.size == 0:  # torch reports contiguous strides (size-0 dims counted as 1)
            strides = []
            acc = 1
            for s in reversed(a.shape):
                strides.append(acc)
                acc *= builtins.max(s, 1)
            strides = tuple(reversed(strides))
        else:
            item = a.itemsize
            strides = tuple(s // item for s in a.strides)
        if dim is None:
            return strides
        return strides[_wrap_dim(dim, a.ndim)]

    def storage_offset(self):
        view = self._view
        if view is None:
            return 0
        base = view.base._data
        return (self._data.__array_interface__["data"][0]
                - base.__array_interface__["data"][0]) // self._data.itemsize

    def is_contiguous(self, memory_format=None):
        return _is_contiguous(self._data)

    def element_size(self):
        return self._data.itemsize

    @property
    def itemsize(self):
        return self._data.itemsize

    @property
    def nbytes(self):
        return self._data.nbytes

    def is_floating_point(self):
        return self._dtype.is_floating_point

    def is_complex(self):
        return False

    def is_signed(self):
        return self._dtype.is_signed

    @property
    def is_sparse(self):
        return False

    @property
    def is_quantized(self):
        return False

    @property
    def is_meta(self):
        return False

    def is_inference(self):
        return self._vc is None

    def get_device(self):
        return -1

    # --- autograd attributes ---------------------------------------------------
    @property
    def requires_grad(self):
        # torch reads the flag without regenerating a view's history
        view = self._view
        return self._requires_grad or (view is not None and view.base._requires_grad)

    @requires_grad.setter
    def requires_grad(self, value):
        if self._grad_fn is not None:
            if value:
                raise RuntimeError("you can only change requires_grad flags of leaf variables.")
            raise RuntimeError(_NONLEAF_REQUIRES_GRAD)
        if value and not self._dtype.is_floating_point:
            raise RuntimeError(_errors.REQUIRES_GRAD_FLOAT_ATTR)
        self._set_requires_grad(builtins.bool(value))

    def _set_requires_grad(self, value):
        if value and self._vc is None:
            raise RuntimeError("Setting requires_grad=True on inference tensor outside "
                               "InferenceMode is not allowed.")
        self._requires_grad = value
        if value and self._meta is None:
            self._meta = AutogradMeta()

    def requires_grad_(self, requires_grad=True):
        if self._grad_fn is not None:
            if requires_grad:
                return self
            raise RuntimeError(_NONLEAF_REQUIRES_GRAD)
        if requires_grad and not self._dtype.is_floating_point:
            raise RuntimeError(_errors.REQUIRES_GRAD_FLOAT_METHOD)
        self._set_requires_grad(builtins.bool(requires_grad))
        return self

    @property
    def is_leaf(self):
        if self._view is not None:
            _refresh_view(self)
        return self._grad_fn is None

    @property
    def grad_fn(self):
        if self._view is not None:
            _refresh_view(self)
        return self._grad_fn

    @property
    def output_nr(self):
        return self._output_nr

    @property
    def _version(self):
        if self._vc is None:
            raise RuntimeError("Inference tensors do not track version counter.")
        return self._vc[0]

    @property
    def _base(self):
        view = self._view
        return None if view is None else view.base

    def _is_view(self):
        return self._view is not None

    @property
    def grad(self):
        meta = self._meta
        if self._grad_fn is not None and (meta is None or (not meta.retains_grad and
                                                           meta.grad is None)):
            _errors.warn(_errors.NON_LEAF_GRAD_WARNING)
            return None
        return None if meta is None else meta.grad

    @grad.setter
    def grad(self, value):
        if value is not None:
            if not isinstance(value, Tensor):
                raise TypeError("assigned grad expected to be a Tensor or None but got grad of type "
                                + type(value).__name__)
            if value._data.shape != self._data.shape:
                raise RuntimeError(
                    f"attempting to assign a gradient of size '{_shape_list(value._data.shape)}' "
                    f"to a tensor of size '{_shape_list(self._data.shape)}'. Please ensure that "
                    "the gradient and the tensor are the same size")
            if value._dtype is not self._dtype:
                raise RuntimeError(
                    f"attempting to assign a gradient with dtype '{_scalar_name(value._dtype)}' to "
                    f"a tensor with grad_dtype '{_SCALAR_TYPE_NAMES[self._dtype.name]}'. The "
                    "gradient must match the tensor's grad_dtype (defaults to the tensor's dtype). "
                    "You can set the tensor's grad_dtype attribute with a specific dtype, or None "
                    "to allow any dtype. Set grad_dtype with caution. Diverging the dtypes of a "
                    "tensor and its gradient may break downstream systems that assume they match.")
        if self._meta is None:
            self._meta = AutogradMeta()
        self._meta.grad = value

    @grad.deleter
    def grad(self):
        if self._meta is not None:
            self._meta.grad = None

    @property
    def retains_grad(self):
        meta = self._meta
        return self._grad_fn is not None and meta is not None and meta.retains_grad

    def retain_grad(self):
        if self._grad_fn is None:
            if not self._requires_grad:
                raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
            return
        meta = self._meta
        if meta is None:
            meta = self._meta = AutogradMeta()
        if meta.retains_grad:
            return
        meta.retains_grad = True
        from ._dispatch import register_retain
        register_retain(self, self._grad_fn, self._output_nr)

    def register_hook(self, hook):
        if not self._requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        from .autograd.graph import add_hook, _HookDict
        fn = self._grad_fn
        if fn is None:
            meta = self._meta
            if meta.hooks is None:
                meta.hooks = _HookDict()
            return add_hook(meta.hooks, hook)
        return add_hook(fn._tensor_hook_store(self._output_nr), hook)

    def register_post_accumulate_grad_hook(self, hook):
        if not self._requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        if self._grad_fn is not None:
            raise RuntimeError("post accumulate grad hooks cannot be registered on non-leaf tensors")
        from .autograd.graph import add_hook, _HookDict
        meta = self._meta
        if meta.post_acc_hooks is None:
            meta.post_acc_hooks = _HookDict()
        return add_hook(meta.post_acc_hooks, hook)

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        if gradient is None and inputs is None and create_graph is False and self._requires_grad \
                and self._view is None:
            # loss.backward(): what torch.autograd.backward checks and makes, without its
            # generality (a view's flag and grad_fn follow its base: the general path)
            if self._data.size != 1:
                raise RuntimeError(_errors.IMPLICIT_SCALAR)
            d = self._dtype
            _engine().run_backward((self,), (make(np.ones(self._data.shape, d.np), d),),
                                   bool(retain_graph), False)
            return
        from .autograd import backward
        backward(self, gradient, retain_graph, create_graph, inputs=inputs)

    @property
    def data(self):
        return make(self._data, self._dtype)

    @data.setter
    def data(self, value):
        if not isinstance(value, Tensor):
            raise TypeError(f"data must be a Tensor, not {type(value).__name__}")
        self._data = value._data
        self._dtype = value._dtype

    def detach(self):
        t = make(self._data, self._dtype)
        t._vc = self._vc
        return t

    def detach_(self):
        if self._view is not None and self._grad_fn is not None:
            raise RuntimeError("Can't detach views in-place. Use detach() instead. If you are "
                               "using DistributedDataParallel (DDP) for training, and "
                               "gradient_as_bucket_view is set as True, gradients are views of "
                               "DDP buckets, and hence detach_() cannot be called on these "
                               "gradients. To fix this error, please refer to the Optimizer."
                               "zero_grad() function in torch/optim/optimizer.py as the solution.")
        self._grad_fn = None
        self._output_nr = 0
        self._requires_grad = False
        return self

    # --- conversion to Python / NumPy ----------------------------------------------
    def item(self):
        data = self._data
        if data.size != 1:
            raise RuntimeError(_errors.item_many(data.size))
        return data.reshape(()).item() if data.ndim else data.item()

    def tolist(self):
        return self._data.tolist()

    def numpy(self, *, force=False):
        if self._requires_grad and not force:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use "
                               "tensor.detach().numpy() instead.")
        return self._data

    def __array_wrap__(self, array):
        # torch's signature (so NumPy warns about it exactly as it does for torch); NumPy
        # ufuncs on tensors return tensors, bool results as uint8
        if array.dtype == np.bool_:
            array = array.astype(np.uint8)
        from ._factory import from_numpy
        return from_numpy(array)

    def __array__(self, dtype=None, copy=None):
        arr = self.numpy()
        if dtype is not None and np.dtype(dtype) != arr.dtype:
            return arr.astype(dtype)
        return arr

    def __len__(self):
        if self._data.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._data.shape[0]

    def __iter__(self):
        if self._data.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return iter(self.unbind(0))

    def __bool__(self):
        if self._data.size != 1:
            if self._data.size == 0:
                raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return builtins.bool(self._data.reshape(()))

    def __float__(self):
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        if self._requires_grad:
            _errors.warn_once("Converting a tensor with requires_grad=True to a scalar may lead to "
                              "unexpected behavior.\nConsider using tensor.detach() first.")
        return builtins.float(self._data.reshape(()))

    def __int__(self):
        if self._data.size != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return builtins.int(self._data.reshape(()))

    def __index__(self):
        if self._data.size != 1 or self._dtype.category == D.FLOATING:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return builtins.int(self._data.reshape(()))

    def __complex__(self):
        return complex(self.item())

    # --- devices and dtypes ------------------------------------------------------------
    def cpu(self, memory_format=None):
        return self

    def cuda(self, *args, **kwargs):
        raise AssertionError("Torch not compiled with CUDA enabled")

    def type(self, dtype=None, non_blocking=False, **kwargs):
        if dtype is None:
            return "torch." + _LEGACY[self._dtype.name]
        if isinstance(dtype, str):
            target = _LEGACY_TO_DTYPE.get(dtype[6:]) if dtype.startswith("torch.") else None
            if target is None:
                if dtype.startswith("torch.cuda."):
                    raise RuntimeError(_NO_CUDA)
                raise ValueError(f"invalid type: '{dtype}'")
            dtype = target
        elif isinstance(dtype, type) and not hasattr(dtype, "_legacy_dtype"):
            raise ValueError(f"invalid type: '{dtype.__name__}'")
        elif hasattr(dtype, "_legacy_dtype"):
            dtype = dtype._legacy_dtype
        return self.to(dtype)

    @property
    def is_leaf_tensor(self):  # pragma: no cover - alias kept for readability
        return self._grad_fn is None


_ZERO_D_ADJOINT = {"mT": "This function is the identity in these cases.",
                   "mH": "Consider using x.conj().", "H": "Consider using x.conj()."}


def _matrix_transpose(self, name):
    """x.mT, x.mH, x.H (real tensors: all transpose the last two dims).  On a 0-d tensor torch
    returns x itself, with a once-per-process deprecation warning."""
    nd = self._data.ndim
    if nd == 0:
        _errors.warn_once(f"Tensor.{name} is deprecated on 0-D tensors. {_ZERO_D_ADJOINT[name]}")
        return self
    if name == "H":
        if nd != 2:
            hint = " For batches of matrices, consider using tensor.mH" if nd > 2 else ""
            raise RuntimeError(f"tensor.H is only supported on matrices (2-D tensors). Got {nd}-D "
                               f"tensor.{hint}")
    elif nd < 2:
        raise RuntimeError(f"tensor.{name} is only supported on matrices or batches of matrices. "
                           f"Got {nd}-D tensor.")
    from ._ops.shape import transpose
    return transpose(self, -2, -1)


def mT_prop(self):
    return _matrix_transpose(self, "mT")


def mH_prop(self):
    return _matrix_transpose(self, "mH")


def H_prop(self):
    return _matrix_transpose(self, "H")


def _refresh_view(t):
    v = t._view
    vc = t._vc
    if vc is not None and v.version != vc[0]:
        from ._dispatch import refresh_view
        refresh_view(t)


def _wrap_dim(dim, ndim):
    """size(dim)/stride(dim): torch does not let dim 0 or -1 stand for a 0-dim tensor here."""
    if not isinstance(dim, (builtins.int, np.integer)) or isinstance(dim, builtins.bool):
        if isinstance(dim, Tensor) and dim._data.ndim == 0 and dim._dtype.category == D.INTEGRAL:
            dim = builtins.int(dim._data)
        else:
            raise TypeError(f"size(): argument 'dim' (position 1) must be int, not {type(dim).__name__}")
    if ndim == 0:
        raise IndexError(f"Dimension specified as {dim} but tensor has no dimensions")
    n = ndim
    if dim < -n or dim >= n:
        raise IndexError(_errors.dim_out_of_range(dim, ndim))
    return dim + n if dim < 0 else dim


def _is_contiguous(a):
    if a.flags.c_contiguous:
        return True
    # torch ignores strides of size-1 dims; NumPy's flag already does, but an
    # empty tensor is contiguous for torch whatever its strides
    return a.size == 0


def _shape_list(shape):
    return "[" + ", ".join(str(s) for s in shape) + "]"


_SCALAR_TYPE_NAMES = {"float32": "Float", "float64": "Double", "float16": "Half", "int64": "Long",
                      "int32": "Int", "int16": "Short", "int8": "Char", "uint8": "Byte",
                      "bool": "Bool"}


def _scalar_name(dtype):
    # torch's C++ scalar type names (lower-case in the grad-assignment message)
    return {"float64": "double", "float32": "float", "float16": "c10::Half", "int64": "long int",
            "int32": "int", "int16": "short int", "int8": "signed char",
            "uint8": "unsigned char", "bool": "bool"}[dtype.name]


def scalar_type_name(dtype):
    return _SCALAR_TYPE_NAMES[dtype.name]


_LEGACY = {"float32": "FloatTensor", "float64": "DoubleTensor", "float16": "HalfTensor",
           "int64": "LongTensor", "int32": "IntTensor", "int16": "ShortTensor",
           "int8": "CharTensor", "uint8": "ByteTensor", "bool": "BoolTensor"}
_LEGACY_TO_DTYPE = {v: getattr(D, "bool_" if k == "bool" else k) for k, v in _LEGACY.items()}

_NO_CUDA = ("Cannot initialize CUDA without ATen_cuda library. PyTorch splits its backend into two "
            "shared libraries: a CPU library and a CUDA library; this error has occurred because you "
            "are trying to use some CUDA functionality, but the CUDA library has not been loaded by "
            "the dynamic linker for some reason.  The CUDA library MUST be loaded, EVEN IF you don't "
            "directly use any symbols from the CUDA library! One common culprit is a lack of "
            "-Wl,--no-as-needed in your link arguments; many dynamic linkers will delete dynamic "
            "library dependencies if you don't depend on any of their symbols.  You can check if "
            "this has occurred by using ldd on your binary to see if there is a dependency on "
            "*_cuda.so library.")

_NONLEAF_REQUIRES_GRAD = (
    "you can only change requires_grad flags of leaf variables. If you want to use a computed "
    "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")

Tensor.__module__ = "torch"

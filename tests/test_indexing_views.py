"""Differential tests of indexing and views: tensor[index] and tensor[index] = value with every
kind of index (ints, slices, None, Ellipsis, bools, masks, integer tensors, lists, and drawn
combinations), which results share memory with their base (write through both ways), and the
version counter views share; torch vs torchlite at test time."""

import numpy as np
import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import torchlite
from _diffcore import check

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def xfail(src, reason):
    return pytest.param(src, marks=pytest.mark.xfail(strict=True, reason=reason))


X = "T.arange(24.).reshape(2, 3, 4)"
XG = "T.arange(24.).reshape(2, 3, 4).requires_grad_()"


def run_case(src):
    check(eval("lambda T: " + src.replace("XG", XG).replace("X", X), {"np": np}))


GETITEM_CASES = r"""
X[0]
X[-1]
X[0, 1]
X[0, 1, 2]
X[0][1][2]
X[:, 1]
X[..., 1]
X[1, ...]
X[..., 1, :]
X[None]
X[:, None]
X[..., None]
X[None, ..., None]
X[::2]
X[:, ::2]
X[:, 1:]
X[:, -2:]
X[:, :-1]
X[:, 5:]
X[:, 1:1]
X[:, -10:10]
X[1:, ::3, 1::2]
X[0, None, :, None]
X[True]
X[False]
X[None, True]
X[X > 10]
X[X[:, :, 0] > 10]
X[X[0, :, 0] > 3]
X[:, T.tensor([True, False, True])]
X[T.tensor([1, 0])]
X[T.tensor([[1, 0], [0, 0]])]
X[:, T.tensor([2, 0])]
X[..., T.tensor([2, 0])]
X[T.tensor([1, 0]), T.tensor([2, 0])]
X[T.tensor([1, 0]), :, T.tensor([2, 0])]
X[T.tensor([1, 0]), 1]
X[1, :, T.tensor([2, 0])]
X[:, 1, T.tensor([2, 0])]
X[[1, 0]]
X[[1, 0], [2, 0]]
X[[True, False]]
X[[[1, 0]]]
X[[[1, 0], [2, 0]]]
X[[0, [1, 2]]]
X[[T.tensor(1), T.tensor(0)]]
X[[slice(None), 0]]
X[[np.array([1, 0])]]
X[[None]]
X[[Ellipsis]]
X[[0, None]]
X["ab"]
X[list(range(40))[:2]]
T.tensor(5.)[0, 0]
T.tensor(5.)[..., 0]
T.tensor(5.)[None, 0]
T.tensor(5.)[:, None]
T.tensor(5.)[np.int64(0)]
T.tensor(5.)[T.tensor([True])]
X[(1, 0)]
X[T.tensor(1)]
X[T.tensor([1]), T.tensor([[0], [1]])]
X[T.tensor([1, 0], dtype=T.int32)]
X[T.tensor([1, 0], dtype=T.int16)]
X[T.tensor([1, 0], dtype=T.uint8)]
X[np.array([1, 0])]
X[np.int64(1)]
X[[]]
X[T.tensor([], dtype=T.int64)]
X[:, []]
X[None, 0, None]
X[0][None]
X[[0, 1], ...]
X[[0, 1], None]
X[None, [0, 1]]
X[:, None, [0, 1]]
X[[0], :, None, [1]]
X[T.tensor([[True]])]
X[T.tensor([1.])]
X[T.tensor(1.)]
X[1.5]
X['a']
X[2]
X[0, 3]
X[0, 0, 4]
X[-3]
X[T.tensor([2])]
X[T.tensor([-3])]
X[:, T.tensor([3])]
X[[0, 5]]
X[0, 0, 0, 0]
X[..., ...]
X[::0]
X[::-1]
X[T.tensor([True, False])]
X[T.tensor([True, False, True])]
X[{1}]
X[object()]
XG[0]
XG[:, 1]
XG[1:]
XG[::2]
XG[None]
XG[...]
XG[:]
XG[T.tensor([1, 0])]
XG[XG > 10]
XG[0, 1, 2]
XG[0][1]
XG[True]
XG[:, :, 1:3][0]
XG[[0, 1], 1:]
XG[None, [0, 1]]
XG.detach()[0]
T.tensor(5.)[None]
T.tensor(5.)[...]
T.tensor(5.)[True]
T.tensor(5.)[False]
T.tensor(5.)[0]
T.tensor(5.)[:]
T.tensor(5.)[T.tensor(True)]
T.tensor(5.)[T.tensor(0)]
T.ones(3)[T.tensor([[0, 1], [1, 2]])]
T.arange(10)[T.tensor([2, 5])]
T.arange(10)[2:8:3]
T.arange(10.)[T.arange(10) % 2 == 0]
""".strip().splitlines()


@pytest.mark.parametrize("src", GETITEM_CASES)
def test_getitem(src):
    run_case(src)


VIEW_CASES = r"""
(lambda x: (x[0].fill_(7), x))(X)[1]
(lambda x: (x[:, 1].fill_(7), x))(X)[1]
(lambda x: (x[..., ::2].fill_(7), x))(X)[1]
(lambda x: (x[None].fill_(7), x))(X)[1]
(lambda x: (x[T.tensor([0])].fill_(7), x))(X)[1]
(lambda x: (x[x > 5].fill_(7), x))(X)[1]
(lambda x: (x[[0, 1]].fill_(7), x))(X)[1]
(lambda x: (x[1, 2, 3].fill_(7), x))(X)[1]
(lambda x: (x[...].fill_(7), x))(X)[1]
(lambda x: (x[:].fill_(7), x))(X)[1]
(lambda x: (x[True].fill_(7), x))(X)[1]
(lambda x: (x.view(6, 4).fill_(1), x))(X)[1]
(lambda x: (x.reshape(6, 4).fill_(1), x))(X)[1]
(lambda x: (x.transpose(0, 2).reshape(24).fill_(1), x))(X)[1]
(lambda x: (x.permute(2, 0, 1)[0].fill_(1), x))(X)[1]
(lambda x: (x.t().fill_(1), x))(T.zeros(2, 3))[1]
(lambda x: (x.T[0].fill_(1), x))(T.zeros(2, 3))[1]
(lambda x: (x.unsqueeze(1).fill_(1), x))(X)[1]
(lambda x: (x[0:1].squeeze(0).fill_(1), x))(X)[1]
(lambda x: (x.narrow(2, 1, 2).fill_(1), x))(X)[1]
(lambda x: (x.select(1, 2).fill_(1), x))(X)[1]
(lambda x: (x.diagonal(0, 1, 2).fill_(1), x))(X)[1]
(lambda x: (x[0].diagonal().fill_(1), x))(X)[1]
(lambda x: (x.expand(2, 2, 3, 4)._base is x, x.expand(2, 2, 3, 4).stride(), x.expand(2, 2, 3, 4)))(X)
(lambda x: (x.unbind(1)[2].fill_(1), x))(X)[1]
(lambda x: (x.split(2, 2)[1].fill_(1), x))(X)[1]
(lambda x: (x.chunk(2, 0)[1].fill_(1), x))(X)[1]
(lambda x: (x.flatten().fill_(1), x))(X)[1]
(lambda x: (x.flatten(1).fill_(1), x))(X)[1]
(lambda x: (x.view_as(T.zeros(4, 6)).fill_(1), x))(X)[1]
(lambda x: (x.detach().fill_(1), x))(X)[1]
(lambda x: (x.data.fill_(1), x))(X)[1]
(lambda x: (x.contiguous().fill_(1), x))(X)[1]
(lambda x: (x.clone().fill_(1), x))(X)[1]
(lambda x: (x.flip(0).fill_(1), x))(X)[1]
(lambda x: (x.index_select(0, T.tensor([1])).fill_(1), x))(X)[1]
(lambda x: (x.masked_select(x > 3).fill_(1), x))(X)[1]
(lambda x: (x.to(T.float32).fill_(1), x))(X)[1]
(lambda x: (x.to(T.float64).fill_(1), x))(X)[1]
(lambda x: (x.float().fill_(1), x))(X)[1]
(lambda x: (x.view(T.int32).fill_(1), x))(X)[1]
(lambda x: (x.numpy().fill(1), x))(X)[1]
(lambda x: (x.fill_(3), x[0]))(*(lambda x: (x, x[0]))(X))
(lambda x, v: (x.add_(1), v))(*(lambda x: (x, x[:, 1]))(X))
(lambda x, v: (x.add_(1), v))(*(lambda x: (x, x[[0]]))(X))
(lambda x, v: (x.add_(1), v))(*(lambda x: (x, x.t()))(T.zeros(2, 3)))
(lambda x: (x[0]._version, x[0].add_(1), x._version))(X)
(lambda x, v: (v.add_(1), x._version, v._version, x[0]._version))(*(lambda x: (x, x[0]))(X))
(lambda x, v: (v.add_(1), x._version, v._version))(*(lambda x: (x, x[[0]]))(X))
(lambda x, v: (x.add_(1), x._version, v._version))(*(lambda x: (x, x.view(6, 4)))(X))
(lambda x, v: (x.add_(1), x._version, v._version))(*(lambda x: (x, x.detach()))(X))
(lambda x, v: (x.add_(1), x._version, v._version))(*(lambda x: (x, x.data))(X))
(lambda x, v: (x.add_(1), x._version, v._version))(*(lambda x: (x, x[x > 3]))(X))
(lambda x, v: (v.__setitem__(0, 1), x._version, v._version, x))(*(lambda x: (x, x[1]))(X))
(lambda x: (x[0]._base is x, x[[0]]._base is None, x[None]._base is x, x[0][1]._base is x, x.t()._base is x if x.dim() == 2 else None))(X)
(lambda x: (x[0]._is_view(), x[[0]]._is_view(), x[...]._is_view(), x[:]._is_view(), x[x > 1]._is_view(), x[True]._is_view()))(X)
(lambda x: (x.view(24)._is_view(), x.reshape(24)._is_view(), x.transpose(0, 1).reshape(24)._is_view(), x.detach()._is_view(), x.data._is_view(), x.clone()._is_view()))(X)
(lambda x: (x.view(24)._base is x, x.view(24).view(4, 6)._base is x, x.detach()._base))(X)
""".strip().splitlines()


@pytest.mark.parametrize("src", VIEW_CASES)
def test_views_share_memory(src):
    run_case(src)


SETITEM_CASES = r"""
(lambda x: (x.__setitem__(0, 5), x)[1])(X)
(lambda x: (x.__setitem__((0, 1), 5.5), x)[1])(X)
(lambda x: (x.__setitem__((0, 1, 2), True), x)[1])(X)
(lambda x: (x.__setitem__(slice(None, None, 2), -1), x)[1])(X)
(lambda x: (x.__setitem__((Ellipsis, 1), T.tensor([1., 2., 3.])[:, None][:2, 0]), x)[1])(X)
(lambda x: (x.__setitem__((Ellipsis, 1), T.tensor([7., 8., 9.])), x)[1])(X)
(lambda x: (x.__setitem__((Ellipsis, 1), T.tensor([7, 8, 9])), x)[1])(X)
(lambda x: (x.__setitem__(0, T.arange(4.)), x)[1])(X)
(lambda x: (x.__setitem__(0, T.arange(12.).reshape(1, 3, 4)), x)[1])(X)
(lambda x: (x.__setitem__(0, T.arange(12.).reshape(1, 1, 3, 4)), x)[1])(X)
(lambda x: (x.__setitem__(0, T.arange(12.).reshape(3, 1, 4)), x)[1])(X)
(lambda x: (x.__setitem__(0, T.arange(5.)), x)[1])(X)
(lambda x: (x.__setitem__(x > 10, 0), x)[1])(X)
(lambda x: (x.__setitem__(x > 10, T.tensor(-1.)), x)[1])(X)
(lambda x: (x.__setitem__(x > 20, T.tensor([1., 2., 3.])), x)[1])(X)
(lambda x: (x.__setitem__(x > 20, T.tensor([1., 2.])), x)[1])(X)
(lambda x: (x.__setitem__(T.tensor([1, 0]), 9), x)[1])(X)
(lambda x: (x.__setitem__((T.tensor([1, 0]), T.tensor([2, 0])), T.tensor([5., 6., 7., 8.])), x)[1])(X)
(lambda x: (x.__setitem__((T.tensor([1, 1]), 0, 0), T.tensor([5., 6.])), x)[1])(X)
(lambda x: (x.__setitem__([0, 1], 3.), x)[1])(X)
(lambda x: (x.__setitem__((slice(None), [0, 2]), 3.), x)[1])(X)
(lambda x: (x.__setitem__(None, 3.), x)[1])(X)
(lambda x: (x.__setitem__(Ellipsis, 3.), x)[1])(X)
(lambda x: (x.__setitem__(True, 3.), x)[1])(X)
(lambda x: (x.__setitem__(False, 3.), x)[1])(X)
(lambda x: (x.__setitem__(0, 'a'), x)[1])(X)
(lambda x: (x.__setitem__(0, [1., 2., 3., 4.]), x)[1])(X)
(lambda x: (x.__setitem__(0, None), x)[1])(X)
(lambda x: (x.__setitem__(5, 1.), x)[1])(X)
(lambda x: (x.__setitem__(T.tensor([5]), 1.), x)[1])(X)
(lambda x: (x.__setitem__(0, 2**70), x)[1])(X)
(lambda x: (x.__setitem__(0, 300), x)[1])(T.zeros(2, 2, dtype=T.uint8))
(lambda x: (x.__setitem__(0, -1), x)[1])(T.zeros(2, 2, dtype=T.uint8))
(lambda x: (x.__setitem__(0, 2.7), x)[1])(T.zeros(2, 2, dtype=T.int64))
(lambda x: (x.__setitem__(0, -2.7), x)[1])(T.zeros(2, 2, dtype=T.int8))
(lambda x: (x.__setitem__(0, 1e10), x)[1])(T.zeros(2, 2, dtype=T.int32))
(lambda x: (x.__setitem__(0, 0.5), x)[1])(T.zeros(2, 2, dtype=T.bool))
(lambda x: (x.__setitem__(0, T.tensor([1.7, -1.7])), x)[1])(T.zeros(2, 2, dtype=T.int64))
(lambda x: (x.__setitem__(0, T.tensor([True, False])), x)[1])(T.zeros(2, 2))
(lambda x: (x.__setitem__(0, T.tensor([1, 2], dtype=T.int64)), x)[1])(T.zeros(2, 2, dtype=T.float16))
(lambda x: (x.__setitem__(0, 70000.), x)[1])(T.zeros(2, 2, dtype=T.float16))
(lambda x: (x.__setitem__(T.tensor([0, 0]), T.tensor([1., 2.])), x)[1])(T.zeros(3))
(lambda x: (x.__setitem__(slice(None), T.arange(3)), x)[1])(T.zeros(3))
(lambda x: (x.__setitem__(0, 1.), x)[1])(T.tensor(5.))
(lambda x: (x.__setitem__(Ellipsis, 1.), x)[1])(T.tensor(5.))
(lambda x: (x.__setitem__(None, 1.), x)[1])(T.tensor(5.))
(lambda x: (x.__setitem__((x > 0), 0.), x)[1])(T.tensor(5.))
(lambda x: (x.__setitem__(0, 1.), x._version, x)[1:])(X)
(lambda x: (x.__setitem__(x > 3, 1.), x._version, x)[1:])(X)
(lambda x: (x.__setitem__(T.tensor([0]), 1.), x._version, x)[1:])(X)
(lambda x: x.__setitem__(0, 1.))(T.ones(2, 3, requires_grad=True))
(lambda x: x.__setitem__(0, 1.))(XG)
(lambda x: x[0].add_(1))(XG)
(lambda x: x.__setitem__((0, 1), 1.))(T.ones(2, 3, requires_grad=True))
(lambda x: x[0].add_(1.))(T.ones(2, 3, requires_grad=True))
(lambda x: x.__setitem__(x > 3, 1.))(T.ones(2, 3, requires_grad=True))
(lambda x: x.__setitem__(slice(None), 1.))(T.ones(2, 3, requires_grad=True))
(lambda x: (x.__setitem__(slice(None), T.ones(2, 3, requires_grad=True) * 3), x.grad_fn.name()))(T.ones(2, 3, requires_grad=True) * 1)
(lambda x: (x.__setitem__(Ellipsis, T.ones(2, 3, requires_grad=True) * 3), x.grad_fn.name()))(T.ones(2, 3, requires_grad=True) * 1)
(lambda x: (x.__setitem__(slice(None), 5.), x.grad_fn.name()))(T.ones(2, 3, requires_grad=True) * 1)
(lambda x: (x.__setitem__((slice(None), slice(None)), 5.), x.grad_fn.name()))(T.ones(2, 3, requires_grad=True) * 1)
(lambda x: x.__setitem__(x > 3, 1.))(XG)
(lambda x: (lambda y: (y.__setitem__(0, 1.), y)[1])(x * 1))(XG)
(lambda x: (lambda y: (y.__setitem__((0, 1), 1.), y)[1])(x * 1))(XG)
(lambda x: (lambda y: (y.__setitem__(y > 3, 1.), y)[1])(x * 1))(XG)
(lambda x: (lambda y: (y.__setitem__(T.tensor([1]), 1.), y)[1])(x * 1))(XG)
(lambda x: (lambda y: (y.__setitem__(0, y[1] * 2), y)[1])(x * 1))(XG)
(lambda x: (lambda y: (y.__setitem__(0, 1.), y[0])[1])(x * 1))(XG)
(lambda x: (lambda y: (y.__setitem__(0, 1.), y.sum().backward(), x.grad)[2])(x * 2))(XG)
(lambda x: (lambda y: (y.__setitem__(y > 3, 1.), y.sum().backward(), x.grad)[2])(x * 2))(XG)
(lambda x: (lambda y: (y.__setitem__(T.tensor([1, 1]), y[0] * 3), y.sum().backward(), x.grad)[2])(x * 2))(XG)
(lambda x: (lambda v: (v.__setitem__(0, 2.), v, x)[1:])(x[:, 1]))(T.zeros(3, 3))
""".strip().splitlines()


@pytest.mark.parametrize("src", SETITEM_CASES)
def test_setitem(src):
    run_case(src)


# --- drawn indices ----------------------------------------------------------------------------

@st.composite
def index_specs(draw, shape):
    """A list of index items, each a (kind, payload) to build in either library."""
    items = []
    pos = 0
    ellipsis = False
    for _ in range(draw(st.integers(1, 4))):
        kinds = ["int", "slice", "slice", "none", "long", "list", "mask", "bool", "int0d"]
        if not ellipsis:
            kinds.append("ellipsis")
        kind = draw(st.sampled_from(kinds))
        size = shape[pos] if pos < len(shape) else 2
        if kind == "int":
            items.append(("int", draw(st.integers(-size - 1, size))))
            pos += 1
        elif kind == "int0d":
            items.append(("int0d", draw(st.integers(-size, size - 1))))
            pos += 1
        elif kind == "slice":
            a = draw(st.one_of(st.none(), st.integers(-size - 2, size + 2)))
            b = draw(st.one_of(st.none(), st.integers(-size - 2, size + 2)))
            c = draw(st.one_of(st.none(), st.integers(1, 3), st.just(-1)))
            items.append(("slice", (a, b, c)))
            pos += 1
        elif kind == "none":
            items.append(("none", None))
        elif kind == "ellipsis":
            ellipsis = True
            items.append(("ellipsis", None))
            pos = max(pos, len(shape) - draw(st.integers(0, 2)))
        elif kind == "bool":
            items.append(("bool", draw(st.booleans())))
        elif kind in ("long", "list"):
            n = draw(st.integers(0, 3))
            vals = draw(st.lists(st.integers(-size, size - 1), min_size=n, max_size=n))
            if kind == "long" and draw(st.booleans()) and vals:
                vals = [vals, vals[::-1]]  # a 2-d index tensor
            dtype = draw(st.sampled_from(["int64", "int32"]))
            items.append((kind, (vals, dtype)))
            pos += 1
        else:  # mask
            k = draw(st.integers(0, max(0, min(2, len(shape) - pos))))
            mshape = tuple(shape[pos:pos + k])
            bits = draw(st.lists(st.booleans(), min_size=int(np.prod(mshape)),
                                 max_size=int(np.prod(mshape))))
            items.append(("mask", (mshape, bits)))
            pos += k
    return items


def build_index(T, spec):
    out = []
    for kind, p in spec:
        if kind in ("int", "bool"):
            out.append(p)
        elif kind == "int0d":
            out.append(T.tensor(p))
        elif kind == "slice":
            out.append(slice(*p))
        elif kind == "none":
            out.append(None)
        elif kind == "ellipsis":
            out.append(Ellipsis)
        elif kind == "long":
            out.append(T.tensor(p[0], dtype=getattr(T, p[1])))
        elif kind == "list":
            out.append(list(p[0]))
        else:
            out.append(T.tensor(p[1], dtype=T.bool).reshape(p[0]))
    return tuple(out) if len(out) != 1 else out[0]


_shape = st.lists(st.integers(1, 4), min_size=0, max_size=4)


@SETTINGS
@given(shape=_shape, data=st.data())
def test_getitem_drawn(shape, data):
    """Values, shape, grad_fn, view-ness, write-through and gradients of x[drawn index]."""
    spec = data.draw(index_specs(shape))

    def fn(T):
        base = T.arange(float(max(1, np.prod(shape)))).reshape(shape).requires_grad_()
        x = base * 1
        r = x[build_index(T, spec)]
        info = (r, r.grad_fn.name(), r._is_view(), r._base is x)
        r.sum().backward()
        with T.no_grad():
            plain = x.detach().clone()
            v = plain[build_index(T, spec)]
            v.fill_(-1)
        return info, base.grad, plain, plain._version, v._version
    check(fn)


@SETTINGS
@given(shape=_shape, data=st.data(),
       base_dtype=st.sampled_from(["float32", "float64", "int64", "int16", "bool", "float16"]),
       value_kind=st.sampled_from(["scalar", "tensor", "tensor1", "0d"]),
       value_dtype=st.sampled_from(["float32", "float64", "int64", "bool"]))
def test_setitem_drawn(shape, data, base_dtype, value_kind, value_dtype):
    """x[drawn index] = value: broadcast values, dtype casts, version counter, errors."""
    spec = data.draw(index_specs(shape))
    seed = data.draw(st.integers(0, 1000))

    def fn(T):
        x = T.arange(float(max(1, np.prod(shape)))).reshape(shape).to(getattr(T, base_dtype))
        idx = build_index(T, spec)
        target = x[idx].shape
        rng = np.random.RandomState(seed)
        if value_kind == "scalar":
            value = {"float32": 2.5, "float64": -3.25, "int64": 7, "bool": True}[value_dtype]
        else:
            vshape = () if value_kind == "0d" else tuple(target)
            if value_kind == "tensor1" and vshape:
                vshape = (1,) + vshape[1:] if len(vshape) > 1 else (1,)
            vals = rng.randint(-5, 6, vshape)
            value = T.from_numpy(np.asarray(vals).astype(value_dtype))
        x[idx] = value
        return x, x._version
    check(fn)


@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=1, max_size=3), data=st.data())
def test_setitem_autograd_drawn(shape, data):
    """Assignment into a tensor in the graph: grad_fn (CopySlices / IndexPutBackward0) and
    gradients of both the target and the value."""
    spec = data.draw(index_specs(shape))

    def fn(T):
        base = T.arange(float(np.prod(shape))).reshape(shape).requires_grad_()
        x = base * 2
        idx = build_index(T, spec)
        target = x[idx].shape
        w = T.ones(target, requires_grad=True)
        x[idx] = w * 3
        out = (x, x.grad_fn.name())
        (x * T.arange(float(x.numel())).reshape(x.shape)).sum().backward()
        return out, base.grad, w.grad
    check(fn)

"""The misuse table: user mistakes, each run under torch and torchlite.  torchlite must raise
torch's exception type with torch's exact message (and give the same warnings), with no NumPy
error or internal exception chained onto it (what the user's traceback would show).

An entry is a snippet of statements using ``T`` (the library) whose last statement raises.
"""

import textwrap
import warnings

import numpy as np
import pytest
import torch

import torchlite
from _diffcore import _kept, norm_msg


def _function_classes(T):
    """Custom autograd Functions written the way users write them, for library T."""

    class Square(T.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x * x

        @staticmethod
        def backward(ctx, g):
            x, = ctx.saved_tensors
            return 2 * x * g

    class TwoGrads(T.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g, g

    class SavesInt(T.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(3)
            return x * 2

        @staticmethod
        def backward(ctx, g):
            return g

    class WrongShape(T.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x.sum()

        @staticmethod
        def backward(ctx, g):
            return T.ones(5)

    class NoBackward(T.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            return x * 2

    class Legacy(T.autograd.Function):
        def forward(self, x):
            return x * 2

    return {"Square": Square, "TwoGrads": TwoGrads, "SavesInt": SavesInt,
            "WrongShape": WrongShape, "NoBackward": NoBackward, "Legacy": Legacy}


MISUSE = {
    # --- wrong shapes ---------------------------------------------------------------------
    "matmul_mismatch": "T.ones(2, 3) @ T.ones(2, 3)",
    "mm_mismatch": "T.mm(T.ones(2, 3), T.ones(4, 2))",
    "mm_not_2d": "T.mm(T.ones(3), T.ones(3, 2))",
    "mv_mismatch": "T.mv(T.ones(2, 3), T.ones(4))",
    "dot_2d": "T.dot(T.ones(2, 2), T.ones(2, 2))",
    "dot_mismatch": "T.dot(T.ones(3), T.ones(4))",
    "bmm_not_3d": "T.bmm(T.ones(2, 3), T.ones(3, 2))",
    "add_broadcast": "T.ones(2, 3) + T.ones(4)",
    "mul_broadcast": "T.ones(3, 1, 2) * T.ones(4, 3)",
    "inplace_broadcast": "T.ones(3).add_(T.ones(2, 3))",
    "view_bad_shape": "T.ones(2, 3).view(4, 2)",
    "view_two_minus_one": "T.ones(2, 3).view(-1, -1)",
    "reshape_bad_shape": "T.ones(6).reshape(4, -1)",
    "expand_bad": "T.ones(3).expand(2, 4)",
    "expand_too_few": "T.ones(2, 3).expand(3)",
    "cat_mismatch": "T.cat([T.ones(2, 3), T.ones(2, 4)])",
    "cat_ndim_mismatch": "T.cat([T.ones(2, 3), T.ones(3)])",
    "cat_empty_list": "T.cat([])",
    "cat_zero_dim": "T.cat([T.tensor(1.), T.tensor(2.)])",
    "stack_unequal": "T.stack([T.ones(2), T.ones(3)])",
    "stack_empty": "T.stack([])",
    "permute_wrong_count": "T.ones(2, 3).permute(0)",
    "permute_duplicate": "T.ones(2, 3).permute(0, 0)",
    "t_of_3d": "T.ones(2, 3, 4).t()",
    "mT_of_1d": "T.ones(3).mT",
    "flatten_bad_order": "T.ones(2, 3, 4).flatten(2, 1)",
    "unflatten_bad": "T.ones(2, 6).unflatten(1, (4, 2))",
    "split_bad_sizes": "T.ones(5).split([2, 2])",
    "chunk_zero": "T.ones(5).chunk(0)",
    "narrow_too_long": "T.ones(5).narrow(0, 3, 4)",
    "repeat_too_few": "T.ones(2, 3).repeat(2)",
    "gather_bad_dims": "T.ones(2, 3).gather(1, T.tensor([0, 1]))",
    "masked_fill_broadcast": "T.ones(2, 3).masked_fill(T.ones(3, 2, dtype=T.bool), 0.)",
    "index_select_2d_index": "T.ones(3).index_select(0, T.tensor([[0]]))",
    "diagonal_same_dims": "T.ones(3, 3).diagonal(0, 0, 0)",
    "trace_not_matrix": "T.ones(3).trace()",
    "tril_1d": "T.ones(3).tril()",
    "grad_assign_shape": "x = T.ones(3, requires_grad=True)\nx.grad = T.ones(2)",
    "grad_assign_dtype": "x = T.ones(3, requires_grad=True)\nx.grad = T.ones(3, dtype=T.float64)",
    "grad_assign_not_tensor": "x = T.ones(3, requires_grad=True)\nx.grad = [1., 2., 3.]",
    # --- wrong dtypes -----------------------------------------------------------------------
    "requires_grad_int_ctor": "T.tensor([1, 2], requires_grad=True)",
    "requires_grad_int_method": "T.tensor([1, 2]).requires_grad_()",
    "requires_grad_int_attr": "x = T.tensor([1, 2])\nx.requires_grad = True",
    "mm_dtype_mismatch": "T.mm(T.ones(2, 2), T.ones(2, 2, dtype=T.float64))",
    "matmul_int_float": "T.ones(2, 2, dtype=T.int64) @ T.ones(2, 2)",
    "inplace_float_into_int": "x = T.ones(3, dtype=T.int64)\nx += 1.5",
    "inplace_div_int": "T.ones(3, dtype=T.int64).div_(2)",
    "bool_sub": "T.tensor([True]) - T.tensor([False])",
    "bool_sub_scalar": "T.tensor([True]) - 1",
    "bool_neg": "-T.tensor([True])",
    "invert_float": "~T.ones(2)",
    "bitwise_and_float": "T.ones(2) & T.ones(2)",
    "masked_fill_float_mask": "T.ones(3).masked_fill(T.ones(3), 0.)",
    "index_float_tensor": "T.ones(3)[T.tensor([1.])]",
    "gather_float_index": "T.ones(3).gather(0, T.tensor([0.]))",
    "scatter_dtype_mismatch": "T.zeros(3).scatter(0, T.tensor([0]), T.ones(1, dtype=T.float64))",
    "index_put_dtype": "x = T.zeros(3)\nx[T.tensor([0, 1])] = T.tensor([1, 2])",
    "rand_int_dtype": "T.rand(3, dtype=T.int64)",
    "randn_int_dtype": "T.randn(3, dtype=T.int32)",
    "set_default_dtype_int": "T.set_default_dtype(T.int64)",
    "finfo_int": "T.finfo(T.int32)",
    "iinfo_float": "T.iinfo(T.float32)",
    "arange_bool": "T.arange(3, dtype=T.bool)",
    "mean_int": "T.tensor([1, 2]).mean()",
    "uniform_int": "T.zeros(3, dtype=T.int64).uniform_()",
    # --- non-tensor arguments ---------------------------------------------------------------
    "exp_float": "T.exp(3.0)",
    "exp_none": "T.exp(None)",
    "sum_list": "T.sum([1, 2])",
    "add_str": "T.add(T.ones(2), 'a')",
    "operator_add_str": "T.ones(2) + 'a'",
    "operator_radd_str": "'a' + T.ones(2)",
    "operator_mul_list": "T.ones(2) * [1, 2]",
    "operator_matmul_list": "T.ones(2) @ [1., 2.]",
    "cat_tensor_not_list": "T.cat(T.ones(2, 2))",
    "cat_list_of_lists": "T.cat([[1, 2], [3]])",
    "stack_numbers": "T.stack([1, 2])",
    "matmul_list": "T.matmul(T.ones(2), [1., 2.])",
    "view_str": "T.ones(4).view('a')",
    "view_float_then_int": "T.ones(4).view(2.0, 2)",
    "view_tensor_size": "T.ones(4).view(T.tensor([2, 2]))",
    "reshape_float": "T.ones(4).reshape(2.0, 2)",
    "reshape_str": "T.ones(4).reshape('a')",
    "reshape_tuple_float": "T.ones(4).reshape((2, 2.0))",
    "expand_float": "T.ones(4).expand(2, 4.0)",
    "permute_float": "T.ones(4).permute((0.0,))",
    "repeat_float": "T.ones(4).repeat(2.0)",
    "tensor_no_data": "T.tensor()",
    "tensor_str": "T.tensor('abc')",
    "tensor_ragged": "T.tensor([[1, 2], [3]])",
    "tensor_none": "T.tensor([1, None])",
    "zeros_float_size": "T.zeros(2.5)",
    "zeros_str": "T.zeros('a')",
    "full_int_size": "T.full(3, 1.)",
    "from_numpy_list": "T.from_numpy([1, 2])",
    "randint_no_size": "T.randint(10)",
    "linspace_no_steps": "T.linspace(0, 1)",
    "manual_seed_str": "T.manual_seed('a')",
    "result_type_str": "T.promote_types(T.float32, 'float64')",
    # --- bad dims --------------------------------------------------------------------------
    "sum_dim": "T.ones(2, 3).sum(5)",
    "mean_dim_negative": "T.ones(2, 3).mean(-3)",
    "softmax_dim": "T.ones(2, 3).softmax(2)",
    "transpose_dim": "T.ones(2, 3).transpose(0, 2)",
    "size_dim": "T.ones(2, 3).size(2)",
    "stride_dim": "T.ones(2, 3).stride(-3)",
    "unsqueeze_dim": "T.ones(2, 3).unsqueeze(4)",
    "squeeze_dim": "T.ones(2, 3).squeeze(3)",
    "cat_dim": "T.cat([T.ones(2), T.ones(2)], dim=1)",
    "argmax_dim": "T.ones(3).argmax(1)",
    "unbind_zero_dim": "T.tensor(1.).unbind()",
    "select_zero_dim": "T.tensor(1.).select(0, 0)",
    "sum_dim_repeated": "T.ones(2, 3).sum((0, 0))",
    # --- bad indexes -----------------------------------------------------------------------
    "index_out_of_range": "T.ones(2, 3)[2]",
    "index_negative_out_of_range": "T.ones(2, 3)[0, -4]",
    "too_many_indices": "T.ones(2, 3)[0, 0, 0]",
    "index_float": "T.ones(3)[1.5]",
    "index_str_item": "T.ones(3)[0, 'a']",
    "index_object": "T.ones(3)[object()]",
    "index_zero_dim": "T.tensor(1.)[0]",
    "slice_negative_step": "T.ones(3)[::-1]",
    "slice_zero_step": "T.ones(3)[::0]",
    "mask_shape": "T.ones(2, 3)[T.tensor([True, False, True])]",
    "index_tensor_out_of_range": "T.ones(3)[T.tensor([0, 3])]",
    "index_broadcast": "T.ones(3, 3)[[0, 1], [0, 1, 2]]",
    "setitem_value_shape": "x = T.zeros(2, 3)\nx[0] = T.ones(4)",
    "setitem_mask_value_shape": "x = T.zeros(3)\nx[x == 0] = T.ones(2)",
    "setitem_str": "x = T.zeros(3)\nx[0] = 'a'",
    "setitem_overflow": "x = T.zeros(3, dtype=T.uint8)\nx[0] = 300",
    "index_select_out_of_range": "T.ones(3).index_select(0, T.tensor([3]))",
    "gather_out_of_range": "T.ones(3).gather(0, T.tensor([5]))",
    # --- backward and grad --------------------------------------------------------------------
    "backward_non_scalar": "(T.ones(3, requires_grad=True) * 2).backward()",
    "backward_no_grad": "T.ones(3).sum().backward()",
    "backward_twice": "x = T.ones(3, requires_grad=True)\ny = (x * x).sum()\ny.backward()\ny.backward()",
    "backward_gradient_shape": "(T.ones(3, requires_grad=True) * 2).backward(T.ones(2))",
    "backward_under_no_grad": "x = T.ones(3, requires_grad=True)\nwith T.no_grad():\n    y = (x * 2).sum()\ny.backward()",
    "backward_int_output": "T.tensor([1, 2]).sum().backward()",
    "grad_unused_input": "x = T.ones(2, requires_grad=True)\nz = T.ones(2, requires_grad=True)\nT.autograd.grad((x * 2).sum(), [x, z])",
    "grad_output_no_grad": "T.autograd.grad(T.ones(2).sum(), [T.ones(2, requires_grad=True)])",
    "grad_input_no_grad": "x = T.ones(2, requires_grad=True)\nT.autograd.grad((x * 2).sum(), [T.ones(2)])",
    "grad_non_scalar": "x = T.ones(2, requires_grad=True)\nT.autograd.grad(x * 2, [x])",
    "grad_twice": "x = T.ones(2, requires_grad=True)\ny = (x * x).sum()\nT.autograd.grad(y, [x])\nT.autograd.grad(y, [x])",
    "retain_grad_no_grad": "T.ones(2).retain_grad()",
    "register_hook_no_grad": "T.ones(2).register_hook(lambda g: g)",
    "nonleaf_requires_grad_false": "x = T.ones(2, requires_grad=True) * 2\nx.requires_grad = False",
    "saved_tensor_modified": "x = T.ones(3, requires_grad=True)\ny = x.exp()\ny.add_(1)\ny.sum().backward()",
    "saved_input_modified": "a = T.ones(3, requires_grad=True)\nx = a * 1\ny = x * x\nx.mul_(2)\ny.sum().backward()",
    "numpy_requires_grad": "T.ones(2, requires_grad=True).numpy()",
    "deepcopy_nonleaf": "import copy\ncopy.deepcopy(T.ones(2, requires_grad=True) * 2)",
    # --- in-place on leaves and views ------------------------------------------------------
    "inplace_leaf": "T.ones(3, requires_grad=True).add_(1)",
    "inplace_leaf_zero": "T.ones(3, requires_grad=True).zero_()",
    "inplace_leaf_operator": "x = T.ones(3, requires_grad=True)\nx += 1",
    "setitem_leaf": "x = T.ones(3, requires_grad=True)\nx[0] = 2.",
    "setitem_leaf_mask": "x = T.ones(3, requires_grad=True)\nx[x > 0] = 2.",
    "inplace_view_of_leaf": "T.ones(3, requires_grad=True)[:2].mul_(2)",
    "inplace_random_leaf": "T.ones(3, requires_grad=True).normal_()",
    "inplace_multi_output_view": "x = T.ones(4, requires_grad=True) * 1\nx.unbind()[0].add_(1)",
    "inplace_no_grad_view": "x = T.ones(4, requires_grad=True) * 1\nwith T.no_grad():\n    v = x[:2]\nv.add_(1)",
    "detach_view_inplace": "x = T.ones(4, requires_grad=True) * 1\nx[:2].detach_()",
    # --- Function misuse -------------------------------------------------------------------
    "function_wrong_grad_count": "F = fns(T)['TwoGrads']\nx = T.ones(2, requires_grad=True)\nF.apply(x).sum().backward()",
    "function_saves_int": "F = fns(T)['SavesInt']\nF.apply(T.ones(2, requires_grad=True))",
    "function_wrong_grad_shape": "F = fns(T)['WrongShape']\nx = T.ones(2, requires_grad=True)\nF.apply(x).backward()",
    "function_no_backward": "F = fns(T)['NoBackward']\nx = T.ones(2, requires_grad=True)\nF.apply(x).sum().backward()",
    "function_legacy_call": "F = fns(T)['Legacy']\nF()(T.ones(2))",
    "function_instantiate_call": "F = fns(T)['Square']\nF()(T.ones(2))",
    # --- printoptions -----------------------------------------------------------------------
    "printoptions_bad_keyword": "T.set_printoptions(precison=2)",
    "printoptions_positional_many": "T.set_printoptions(4, 1000, 3, 80, 'default', None, 1)",
    # --- views, conversions and Python protocols ---------------------------------------------
    "view_non_contiguous": "T.ones(2, 3).t().view(6)",
    "view_dtype_size": "T.ones(3).view(T.float64)",
    "item_many": "T.ones(3).item()",
    "item_empty": "T.ones(0).item()",
    "bool_many": "bool(T.ones(3))",
    "bool_empty": "bool(T.ones(0))",
    "if_tensor": "x = T.tensor([1, 2])\nif x > 0:\n    pass",
    "float_many": "float(T.ones(2))",
    "int_many": "int(T.ones(2))",
    "index_float_in_list": "[1, 2, 3][T.tensor(1.)]",
    "len_zero_dim": "len(T.tensor(1.))",
    "iter_zero_dim": "iter(T.tensor(1.))",
    "to_cuda": "T.ones(2).to('cuda')",
    "cuda": "T.ones(2).cuda()",
    "device_string": "T.zeros(2, device='gpu')",
    "hash_of_finfo": "hash(T.finfo(T.float32))",
    "random_from_to": "T.empty(3).random_(5, 2)",
    "bernoulli_p": "T.empty(3).bernoulli_(1.5)",
    "normal_std": "T.normal(0., -1., (3,))",
    "randperm_negative": "T.randperm(-1)",
    "arange_zero_step": "T.arange(0, 10, 0)",
    "arange_bad_sign": "T.arange(0, 10, -1)",
    "linspace_negative": "T.linspace(0, 1, -1)",
    "zeros_negative": "T.zeros(-1)",
    "ones_negative": "T.ones(2, -1)",
    "eye_negative": "T.eye(-1)",
    "full_overflow": "T.full((2,), 300, dtype=T.uint8)",
    "legacy_kwargs": "T.Tensor([1, 2], requires_grad=True)",
    "legacy_dtype_mismatch": "T.FloatTensor(T.ones(2, dtype=T.float64))",
    "legacy_scalar": "T.FloatTensor(2.5)",
    "type_bad_string": "T.ones(2).type('foo')",
}

XFAIL = {}


def _run(src, T):
    code = textwrap.dedent(src)
    ns = {"T": T, "np": np, "fns": _function_classes}
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            exec(compile(code, "<misuse>", "exec"), ns)
        except Exception as e:  # noqa: BLE001 - compared below
            exc = e
        else:
            exc = None
    return exc, [(x.category.__name__, norm_msg(x.message)) for x in w]


def _params():
    out = []
    for name, src in MISUSE.items():
        marks = [pytest.mark.xfail(strict=True, reason=XFAIL[name])] if name in XFAIL else []
        out.append(pytest.param(src, id=name, marks=marks))
    return out


@pytest.mark.parametrize("src", _params())
def test_misuse(src):
    et, wt = _run(src, torch)
    el, wl = _run(src, torchlite)
    assert et is not None, "torch did not raise: the entry is not a misuse"
    assert el is not None, f"torchlite did not raise; torch raises {type(et).__name__}: {et}"
    assert type(el).__name__ == type(et).__name__, (
        f"torch {type(et).__name__}: {norm_msg(et)}\ntorchlite {type(el).__name__}: {norm_msg(el)}")
    assert norm_msg(el) == norm_msg(et), (
        f"torch {type(et).__name__}: {norm_msg(et)}\ntorchlite {type(el).__name__}: {norm_msg(el)}")
    # what the user's traceback shows: no internal exception chained on, no NumPy error type
    assert el.__cause__ is None and (el.__suppress_context__ or el.__context__ is None), (
        f"an internal exception is chained: {el.__context__!r}")
    assert type(el).__module__ in ("builtins", "torch") or type(el).__module__.startswith(
        "torchlite"), type(el)
    assert _kept(wl) == _kept(wt)


def test_table_size():
    assert len(MISUSE) >= 80


# --- a method's argument errors count positions without self (torch's parser for the method);
# the function's count self ------------------------------------------------------------------

METHOD_ARGUMENT_ERRORS = [
    "T.ones(2).add('a')", "T.add(T.ones(2), 'a')", "T.ones(2).add(1, 'a')",
    "T.ones(2).sub('a')", "T.ones(2).mul(None)", "T.ones(2).div([1])", "T.ones(2).add_('a')",
    "T.ones(2).add_(1, 'a')", "T.ones(2).atan2('a')", "T.ones(2).maximum('a')",
    "T.ones(2).matmul('a')", "T.ones(2).dot('a')", "T.dot(T.ones(2), 'a')",
    "T.ones(2).masked_fill(T.ones(2) > 0, 'a')", "T.ones(2).masked_fill_(T.ones(2) > 0, 'a')",
    # argmax/argmin: dim an int (or None, or a 0-d integer tensor), keepdim a bool
    "T.ones(1, 2).argmax((0, 1))", "T.argmax(T.ones(1, 2), (0, 1))",
    "T.ones(1, 2).argmin(dim=(0,))", "T.argmin(T.ones(1, 2), dim=[0])",
    "T.ones(1, 2).argmax(1.5)", "T.ones(1, 2).argmax(True)", "T.argmax(T.ones(1, 2), 0, 1)",
    "T.ones(1, 2).argmax(0, 'a')", "T.ones(1, 2).argmax(keepdim='a')",
    "T.ones(1, 2).argmax(dim=None, keepdim=np.bool_(True))",
    "T.ones(1, 2).argmax(0, True, 1)", "T.argmax(T.ones(1, 2), 0, True, 1)",
    "T.ones(1, 2).argmax(0, dim=1)", "T.ones(1, 2).argmax(foo=1)",
    "T.argmax(T.ones(1, 2), T.tensor(1.0))", "T.ones(1, 2).argmax(0, T.tensor(True))",
    "T.ones(1, 2).argmax(dim=T.tensor([0]))",
]


@pytest.mark.parametrize("src", METHOD_ARGUMENT_ERRORS)
def test_method_argument_errors(src):
    et, _ = _run(src, torch)
    el, _ = _run(src, torchlite)
    assert et is not None and el is not None, (et, el)
    assert (type(el).__name__, norm_msg(el)) == (type(et).__name__, norm_msg(et))


@pytest.mark.parametrize("src", ["T.ones(1, 2).argmax(T.tensor(1))", "T.ones(1, 2).argmax(np.int64(1))",
                                 "T.argmax(input=T.ones(1, 2), dim=1)", "T.ones(1, 2).argmin(None, True)",
                                 "T.argmin(T.ones(2, 3), 1, True)"])
def test_argmax_accepted_arguments(src):
    vt = eval(src, {"T": torch, "np": np})
    vl = eval(src, {"T": torchlite, "np": np})
    assert vt.tolist() == vl.tolist() and str(vt.dtype) == str(vl.dtype)

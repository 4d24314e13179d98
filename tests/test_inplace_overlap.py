"""In-place ops whose operand shares memory with the written tensor.

torch refuses an operand that partially overlaps the tensor written in place (both dense,
some memory shared, not the same elements in the same layout): "unsupported operation: some
elements of the input tensor and the written-to tensor refer to a single memory location...".
The same elements (y.add_(y), a view of the same elements) are allowed, and so are layouts too
hard to tell (a strided operand), and fill_ / masked_fill_ with a 0-dim value.  The autograd
checks of the in-place op come first, and the overlap comes before shape and dtype errors.
Each case runs in torch and torchlite and the result (or the error) is compared.
"""

from __future__ import annotations

import pytest

from autograd_diff import same

CASES = {
    # partial overlap: refused
    "add_shifted": "y[1:].add_(y[:5])",
    "add_alpha_shifted": "y[1:].add_(y[:5], alpha=2)",
    "sub_shifted": "y[1:].sub_(y[:5])",
    "mul_shifted": "y[1:].mul_(y[:5])",
    "div_shifted": "y[1:].div_(y[:5])",
    "div_floor_shifted": "y[1:].div_(y[:5], rounding_mode='floor')",
    "pow_shifted": "y[1:].pow_(y[:5])",
    "remainder_shifted": "y[1:].remainder_(y[:5])",
    "clamp_shifted": "y[1:].clamp_(y[:5])",
    "clamp_min_shifted": "y[1:].clamp_(min=y[:5])",
    "lerp_shifted": "y[1:].lerp_(y[:5], 0.5)",
    "addcmul_shifted": "y[1:].addcmul_(y[:5], y[:5])",
    "addcdiv_shifted": "y[1:].addcdiv_(y[1:] + 1, y[:5])",
    "atan2_shifted": "y[1:].atan2_(y[:5])",
    "copy_shifted": "y[1:].copy_(y[:5])",
    "eq_shifted": "y[1:].eq_(y[:5])",
    "transposed_same_range": "y.view(2, 3).t().add_(y.view(3, 2))",
    "row_broadcast": "y.view(2, 3).add_(y[:3])",
    "scalar_inside": "y[:2].add_(y[1])",
    "neighbours": "y[1:3].add_(y[2:4])",
    # the overlap is reported before the broadcast error
    "overlap_before_shapes": "y[:4].view(2, 2).add_(y[2:])",
    # allowed
    "same_tensor": "y.add_(y)",
    "same_elements": "y[1:].add_(y[1:])",
    "same_elements_other_view": "y[:3].add_(y.view(2, 3)[0])",
    "disjoint": "y[:3].add_(y[3:])",
    "flip_copies": "y.add_(y.flip(0))",
    "strided_too_hard": "y[::2].add_(y[1::2])",
    "detached_same": "y.add_(y.detach())",
    "fill_from_element": "y[1:].fill_(y[0])",
    "other_dtype_copy": "y[1:].add_(y[:5].double())",
}


@pytest.mark.parametrize("grad", [False, True], ids=["plain", "graph"])
@pytest.mark.parametrize("case", CASES)
def test_inplace_overlap(case, grad):
    def f(torch):
        y = torch.arange(6.0, requires_grad=grad) * 1 if grad else torch.arange(6.0)
        eval(CASES[case], {"torch": torch, "y": y})
        return y
    same(f)


@pytest.mark.parametrize("case", ["add_shifted", "mul_shifted", "copy_shifted"])
def test_autograd_error_comes_first(case):
    """A view of a leaf requiring grad: torch's in-place check fires before the overlap."""
    def f(torch):
        y = torch.arange(6.0, requires_grad=True)
        eval(CASES[case], {"torch": torch, "y": y})
    same(f)


# --- internal overlap: writing into an expanded (stride-0) tensor ----------------------------
# torch refuses "more than one element of the written-to tensor refers to a single memory
# location" for the ops its TensorIterator runs, copy_, fill_ with a Tensor value, the random
# fills and scatter; fill_ with a number and zero_ write; masked_fill_, index_fill_ and
# index_put_ (so advanced-index assignment) write with a deprecation warning.  Autograd checks
# come first; the overlap comes before shape and dtype errors.

EXPANDED = {
    # refused
    "mul_": ("v.mul_(2)", None),
    "add_tensor": ("v.add_(torch.ones(3))", None),
    "exp_": ("v.exp_()", None),
    "clamp_": ("v.clamp_(0, 1)", None),
    "uniform_": ("v.uniform_()", None),
    "copy_": ("v.copy_(torch.ones(3))", None),
    "fill_tensor": ("v.fill_(torch.tensor(2.0))", None),
    "scatter_": ("v.scatter_(0, torch.tensor([0]), torch.ones(1))", None),
    "overlap_before_shape": ("v.add_(torch.ones(4))", None),
    "overlap_before_dtype": ("v[:1].long().expand(3).add_(torch.ones(3))", None),
    "self_operand": ("v.add_(v)", None),
    "setitem_slice_scalar": ("m[:] = 3.0", None),
    "setitem_row_scalar": ("m[0] = 3.0", None),
    "setitem_row_tensor": ("m[0] = torch.tensor([4.0, 5.0, 6.0])", None),
    "setitem_column_tensor": ("m[:, 0] = torch.tensor([4.0, 5.0])", None),
    "setitem_ellipsis": ("v[...] = 4.0", None),
    "setitem_none": ("v[None] = 4.0", None),
    "setitem_true": ("v[True] = 4.0", None),
    # written
    "zero_": ("v.zero_()", None),
    "fill_number": ("v.fill_(2.0)", None),
    "setitem_element": ("v[0] = 3.0", None),
    "setitem_one_element_slice": ("v[0:1] = torch.tensor([4.0])", None),
    "setitem_not_expanded_row": ("r[0] = 3.0", None),
    "squeeze_": ("v.unsqueeze(0).squeeze_()", None),
    # written, with torch's deprecation warning
    "masked_fill_": ("v.masked_fill_(torch.tensor([True, False, False]), 5.0)", None),
    "masked_fill_tensor": ("v.masked_fill_(torch.tensor([False, True, False]), torch.tensor(6.))",
                           None),
    "masked_fill_shape_after_warning": ("v.masked_fill_(torch.ones(2, 3, dtype=torch.bool), 1.)",
                                        None),
    "index_fill_": ("m.index_fill_(1, torch.tensor([0]), 7.0)", None),
    "index_fill_rows": ("m.index_fill_(0, torch.tensor([1]), 7.0)", None),
    "index_put_": ("v.index_put_((torch.tensor([0, 2]),), torch.tensor([1.0, 2.0]))", None),
    "index_put_accumulate": ("v.index_put_((torch.tensor([0, 2]),), torch.tensor([1.0, 2.0]), "
                             "accumulate=True)", None),
    "index_put_mask_scalar": ("v.index_put_((torch.tensor([True, False, True]),), "
                              "torch.tensor(2.0))", None),
    "setitem_index_list": ("v[[0, 1]] = torch.tensor([1.0, 2.0])", None),
    "setitem_mask_scalar": ("v[torch.tensor([True, False, True])] = 3.0", None),
    "setitem_mask_tensor": ("v[torch.tensor([True, False, True])] = torch.tensor([3.0, 4.0])",
                            None),
}


def _expanded_params():
    out = []
    for name, (src, xfail) in EXPANDED.items():
        marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
        out.append(pytest.param(src, id=name, marks=marks))
    return out


@pytest.mark.parametrize("grad", [False, True], ids=["plain", "graph"])
@pytest.mark.parametrize("src", _expanded_params())
def test_inplace_on_expanded_tensor(src, grad):
    def f(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=grad) * 1 if grad else \
            torch.tensor([1.0, 2.0, 3.0])
        v = x[:1].expand(3)  # one element, three times
        m = x.expand(2, 3)  # rows share memory
        r = x.view(1, 3).expand(2, 3)[:1]  # one row: no element repeated
        eval(src, {"torch": torch, "v": v, "m": m, "r": r})
        return x
    same(f)


@pytest.mark.parametrize("src", ["v.mul_(2)", "m[0] = 3.0", "v.masked_fill_(v > 0, 1.0)"])
def test_inplace_on_expanded_view_of_leaf_autograd_first(src):
    """The view-of-a-leaf error comes before the overlap check and the warning."""
    def f(torch):
        x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
        v = x[:1].expand(3)
        m = x.expand(2, 3)
        eval(src, {"torch": torch, "v": v, "m": m})
    same(f)


@pytest.mark.parametrize("src", ["e[:, 0] = 2", "e[:, 0] = torch.ones(2, 0)", "e.expand(2, 2, 0).zero_()",
                                 "e.expand(2, 3, 0).masked_fill_(torch.ones(2, 3, 0) > 0, 1.0)",
                                 "e.expand(3, 2, 0)[0] = 1.0"])
def test_empty_expanded_tensor_is_not_overlapping(src):
    """An empty tensor is non-overlapping and dense for torch, whatever its strides."""
    def f(torch):
        e = -torch.zeros((1, 2, 0), requires_grad=True).movedim(0, 1)
        eval(src, {"torch": torch, "e": e})
        return e
    same(f)

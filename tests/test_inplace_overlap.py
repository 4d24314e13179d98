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

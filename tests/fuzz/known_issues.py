"""Mismatches the fuzzer has found that are not fixed yet.

Each entry names its regression test in ``test_regressions.py`` (a minimal reproducer marked
``xfail(strict=True)``) and recognises the difference in a fuzz program's report, so that the
fuzz tests keep looking for *new* mismatches meanwhile (``fuzz_run.triage``: a known issue
explains the first difference it matches and everything after it in that program).

When a library fix lands, its regression test XPASSes (strict: the suite fails): remove the
xfail marker there *and* the entry here.  ``test_regressions.py`` checks that every entry
still has an xfail-marked regression test.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Callable


@dataclasses.dataclass(frozen=True)
class Known:
    name: str  # the regression test in test_regressions.py
    match: Callable  # (program source, Diff) -> bool

    def matches(self, source, diff):
        try:
            return bool(self.match(source, diff))
        except Exception:  # noqa: BLE001 - a matcher that cannot decide does not match
            return False


def _lite_raises(text, pattern):
    m = re.search(r"torchlite: line \d+ `([^`]*)` raises (.*)", text)
    return bool(m and re.search(pattern, m.group(1) + " :: " + m.group(2)))


def _torch_raises(text, pattern):
    m = re.search(r"exception: torch: line \d+ `([^`]*)` raises (.*)", text)
    return bool(m and re.search(pattern, m.group(1) + " :: " + m.group(2)))


def _lite_silent(text):
    return "torchlite: no exception" in text


_GRAD_RESULT = re.compile(r"(: g\d+\[\d+\]|\.grad): ")

KNOWN = [
    # masked_fill with a mask of a larger (broadcast) shape: torchlite raises "shape mismatch"
    Known("test_masked_fill_broadcasting_mask",
          lambda src, d: d.kind == "exception"
          and _lite_raises(d.text, r"masked_fill\(.*:: RuntimeError: shape mismatch")),
    # torch's AccumulateGrad steals the incoming gradient (x.grad aliases the user's
    # gradient, so the next accumulation writes into it); torchlite copies
    Known("test_accumulate_grad_steals_gradient",
          lambda src, d: d.kind in ("version", "values")
          and re.search(r"(`|at the end): g\d+: ", d.text)
          and src.count(".backward(") + src.count("autograd.grad(") >= 2),
    # "which is output 0 of torch::autograd::CopyBackwards": torch keeps a node name without
    # "Backward<N>" whole
    Known("test_version_error_names_copy",
          lambda src, d: d.kind == "exception" and "is at version" in d.text
          and "output 0 of torch::autograd::CopyBackwards," in d.text.split("torchlite", 1)[0]),
    # IndexBackward0 keeps its saved indices after backward: no "backward through the graph a
    # second time" error
    Known("test_index_backward_frees_saved_indices",
          lambda src, d: d.kind == "exception" and _lite_silent(d.text)
          and "Trying to backward through the graph a second time" in d.text
          and re.search(r"\[\[\d|index_select", src)),
    # x.mT on a 0-d tensor: torch returns x (with a deprecation warning), torchlite raises
    Known("test_mT_on_0d",
          lambda src, d: d.kind == "exception"
          and _lite_raises(d.text, r"tensor\.mT is only supported on matrices.*Got 0-D")),
    # argmax/argmin with a tuple dim: torch's TypeError names the position
    Known("test_argmax_tuple_dim_message",
          lambda src, d: d.kind == "exception"
          and _torch_raises(d.text, r"argument 'dim' \(position 1\) must be int, not tuple")),
    # an in-place op on a view of a leaf that requires grad: torch's leaf check comes before
    # the shape check
    Known("test_inplace_on_leaf_view_checks_leaf_first",
          lambda src, d: d.kind == "exception" and _torch_raises(
              d.text, "a view of a leaf Variable that requires grad is being used in an in-place")
          and not _lite_silent(d.text)),
    # an in-place op on an output of chunk/split/unbind of a tensor that does not require
    # grad, with an operand that does: torch raises, torchlite does not
    Known("test_multi_output_view_of_constant_inplace",
          lambda src, d: d.kind == "exception" and _lite_silent(d.text) and _torch_raises(
              d.text, "This view is the output of a function that returns multiple views")),
    # in-place op on an expanded (stride-0) tensor: torch raises, torchlite writes
    Known("test_inplace_on_expanded_tensor_raises",
          lambda src, d: d.kind == "exception" and _torch_raises(
              d.text, "more than one element of the written-to tensor refers to a single memory")),
    # a view of a leaf that did not require grad, whose base then became part of the graph
    # through an in-place op: torch treats an in-place op on the view as one on a leaf
    Known("test_view_of_leaf_made_differentiable_by_inplace",
          lambda src, d: d.kind == "exception" and _torch_raises(
              d.text, r"^[^:]*:: RuntimeError: a leaf Variable that requires grad is being used")
          and not _lite_raises(d.text, "a leaf Variable that requires grad")),
    # an in-place op on a view of a split/chunk/unbind output: torch's error names the last
    # view op ("Output 0 of View is a view ..."), torchlite prints "Output 0 of None"
    Known("test_view_of_multi_output_view_inplace_message",
          lambda src, d: d.kind == "exception"
          and _lite_raises(d.text, r"Output \d+ of None is a view")),
    # the version-counter error for a saved base whose view was modified in place: torch names
    # its grad_fn "torch::autograd::CopySlices"; torchlite names the view's AsStrided
    Known("test_version_error_names_copyslices",
          lambda src, d: d.kind == "exception" and "is at version" in d.text
          and "output 0 of torch::autograd::CopySlices," in d.text.split("torchlite", 1)[0]),
]

_VIEW_OPS = r"(reshape|view|transpose|t|permute|expand|squeeze|unsqueeze|flatten|select|narrow|" \
    r"diagonal|movedim|unbind|split|chunk|double|float|contiguous|mT|T)\b"


def _root_is_view_of_modified(src):
    roots = re.findall(r"^(\w+)\.backward\(|autograd\.grad\((\w+),", src, re.M)
    inplace = re.search(r"\.\w+_\(|\] = | [-+*/]= ", src)
    for a, b in roots:
        r = a or b
        if inplace and re.search(rf"^{r} = \w+(\.{_VIEW_OPS}|\[)", src, re.M):
            return True
    return False


def _close(text, rtol):
    m = re.search(r"torch np\.float\d+\(([^)]*)\) torchlite np\.float\d+\(([^)]*)\)", text)
    a, b = float(m.group(1)), float(m.group(2))
    return abs(a - b) <= rtol * abs(a)


def _torch_value_below(text, limit):
    m = re.search(r"torch np\.float\d+\(([^)]*)\)", text)
    return m is not None and abs(float(m.group(1))) < limit

"""The differential fuzzer: random autograd programs under torch and torchlite.

Each test draws programs (``fuzz_program.programs``), runs them with real torch and with
torchlite and compares values, grads, dtypes, shapes, grad_fn names, versions, warnings and
exceptions (``fuzz_run.check``).  The number of programs per test is the hypothesis
profile's ``max_examples`` (``tests/conftest.py``): ``ci`` (the default: fixed seed) or
``long``.  A failure shrinks to a minimal program, printed as a script: keep it in
``test_regressions.py``.  Differences explained by a known, still open issue
(``known_issues.KNOWN``) are let through and counted (``--hypothesis-show-statistics``).
"""

from hypothesis import event, given

from fuzz_program import programs
from fuzz_run import check


def fuzz(program):
    checked = check(program)
    for name in checked.known:
        event(f"known issue: {name}")
    if checked.torch_error is not None:
        event(f"torch raises ({checked.torch_error[1]})")
    else:
        event("runs to the end")


@given(programs("backward"))
def test_backward(program):
    """Forward ops, then backward with a random gradient."""
    fuzz(program)


@given(programs("retain"))
def test_retain_graph_second_backward(program):
    """backward(retain_graph=True), then a second backward: grads accumulate."""
    fuzz(program)


@given(programs("twice"))
def test_second_backward_without_retain(program):
    """A second backward without retain_graph: torch's error where saved tensors were freed."""
    fuzz(program)


@given(programs("double"))
def test_create_graph_second_order(program):
    """autograd.grad(create_graph=True), then backward of the squared gradient norm."""
    fuzz(program)

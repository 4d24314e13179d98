"""pytest-benchmark suite of the workloads W1-W5 under torch, torchlite and the NumPy floor.

    python -m pytest benchmarks/ --benchmark-only            # all of them
    python -m pytest benchmarks/ --benchmark-only -k W3      # one workload

Each workload is one pytest-benchmark group, so its torch, torchlite and floor timings are printed
side by side. Before timing, torchlite's and the floor's loss and gradients are checked against a
fresh torch run (`benchmarks.workloads.check_agreement`); a disagreement fails the test. The
interleaved report with ratios, targets and memory is `python -m benchmarks.report`.
"""

import pytest

from benchmarks.workloads import FRAMEWORKS, WORKLOADS, build, check_agreement

_torch_results = {}


def torch_reference(workload_id):
    if workload_id not in _torch_results:
        case = build(workload_id, "torch")
        case.run()
        _torch_results[workload_id] = case.result()
    return _torch_results[workload_id]


@pytest.mark.parametrize("framework", FRAMEWORKS)
@pytest.mark.parametrize("workload_id", list(WORKLOADS))
def test_workload(benchmark, workload_id, framework):
    w = WORKLOADS[workload_id]
    case = build(workload_id, framework)
    case.run()
    if framework != "torch":
        check_agreement(workload_id, case.result(), torch_reference(workload_id), label=framework)
    per = f" (times per iteration of {w.per_iteration} {w.unit}s)" if w.per_iteration > 1 else ""
    benchmark.group = w.title + per
    benchmark.extra_info.update(
        workload=workload_id, framework=framework, per_iteration=w.per_iteration, unit=w.unit, target=w.target
    )
    benchmark(case.run)

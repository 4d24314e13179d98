"""The benchmark workloads run, and torchlite and the NumPy floor agree with torch on them.

`benchmarks/workloads.py` defines W1-W5 once for torch, torchlite and the hand-written NumPy floor;
the pytest-benchmark suite and `python -m benchmarks.report` time exactly those cases. Here each
workload runs (at reduced sizes where it has a size: W3 with 10,000 elements, W4 with 64x64) under
the three, and the losses and gradients must agree with torch's within the workload's documented
tolerances (`Workload.rtol` / `atol`: float32 results differ in the last bits with the summation
order of reductions and matmuls and with the elementwise kernels; the bounds leave >= 10x headroom
over the measured differences). No timing is asserted anywhere.

The report command and the memory measurement are exercised once, at reduced sizes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `benchmarks` is not an installed package: import it from the checkout
    sys.path.insert(0, str(ROOT))

from benchmarks import report  # noqa: E402
from benchmarks.memory import measure_in_subprocess  # noqa: E402
from benchmarks.workloads import FRAMEWORKS, WORKLOADS, build, check_agreement, compare  # noqa: E402

torch = pytest.importorskip("torch")

# What each workload must report: its loss(es) and, where it runs backward, the leaves' gradients.
EXPECTED_KEYS = {
    "W1-nograd": {"loss"},
    "W1-graph": {"loss"},
    "W1-fwdbwd": {"loss", "a.grad"},
    "W2": {"loss"} | {f"{p}.grad" for p in ("w1", "b1", "w2", "b2")}
    | {f"{p} (after step)" for p in ("w1", "b1", "w2", "b2")},
    "W3": {"loss", "x.grad", "y.grad"},
    "W4": {"loss", "A.grad", "B.grad"},
    "W5": {"sanity y", "sanity x.grad", "more_ops g", "more_ops a.grad", "more_ops b.grad"},
}


def test_every_workload_is_tested():
    assert set(EXPECTED_KEYS) == set(WORKLOADS)


@pytest.mark.parametrize("workload_id", list(WORKLOADS))
def test_workload_agrees_with_torch(workload_id):
    """Two iterations under each framework: after each, torchlite and the floor match torch.
    The second iteration checks that per-iteration state is handled alike (grads reset rather
    than accumulated; W2's SGD step applied to the parameters)."""
    w = WORKLOADS[workload_id]
    cases = {fw: build(workload_id, fw, **w.small) for fw in FRAMEWORKS}
    for iteration in (1, 2):
        results = {}
        for fw, case in cases.items():
            case.run()
            results[fw] = case.result()
        reference = results["torch"]
        assert set(reference) == EXPECTED_KEYS[workload_id]
        for key, value in reference.items():
            assert np.all(np.isfinite(value)), f"torch's {key} is not finite"
            if key.endswith(".grad"):
                assert np.any(value != 0), f"torch's {key} is all zeros: the workload tests nothing"
        for fw in ("torchlite", "floor"):
            check_agreement(workload_id, results[fw], reference, label=f"{fw} (iteration {iteration})")


def test_sizes_apply():
    """The reduced sizes the tests and --smoke use really shrink the inputs."""
    case = build("W3", "floor", n=1000)
    case.run()
    assert case.result()["x.grad"].shape == (1000,)
    case = build("W4", "torchlite", n=8)
    case.run()
    assert case.result()["A.grad"].shape == (8, 8)


def test_w1_chain_records_one_node_per_op():
    """W1 is 100 chained elementwise ops and a sum: torch's graph has 101 nodes above the leaf."""
    case = build("W1-graph", "torch")
    out = case.run()
    names, fn = [], out.grad_fn
    while type(fn).__name__ != "AccumulateGrad":
        names.append(type(fn).__name__)
        fn = fn.next_functions[0][0]
    assert names[0] == "SumBackward0"
    chain = names[1:][::-1]
    assert len(chain) == 100
    cycle = ["MulBackward0", "AddBackward0", "TanhBackward0", "MulBackward0", "AddBackward0", "SinBackward0"]
    assert chain == (cycle * 17)[:100]


def test_w5_matches_micrograds_published_values():
    """micrograd's README: g = 24.7041, a.grad = 138.8338, b.grad = 645.5773; its sanity check
    gives y = -20 and x.grad = 46 (here from torch, which both others are compared with)."""
    case = build("W5", "torch")
    case.run()
    r = case.result()
    np.testing.assert_allclose(
        [r["sanity y"], r["sanity x.grad"], r["more_ops g"], r["more_ops a.grad"], r["more_ops b.grad"]],
        [-20.0, 46.0, 24.7041, 138.8338, 645.5773],
        atol=1e-4,
    )


# ---- the agreement check itself must be able to fail ----------------------------------------


def test_compare_flags_missing_and_misshapen_outputs():
    ref = {"loss": np.float64(1.0), "x.grad": np.ones(3)}
    assert compare(ref, ref, 1e-6, 0.0) == []
    assert compare({"loss": np.float64(1.0)}, ref, 1e-6, 0.0)
    assert compare({"loss": np.float64(1.0), "x.grad": np.ones(4)}, ref, 1e-6, 0.0)
    assert compare({"loss": np.float64(np.nan), "x.grad": np.ones(3)}, ref, 1e-6, 0.0)
    with pytest.raises(AssertionError, match="torchlite disagrees with torch"):
        check_agreement("W3", {"loss": np.float64(2.0), "x.grad": np.ones(3), "y.grad": np.ones(3)},
                        {"loss": np.float64(1.0), "x.grad": np.ones(3), "y.grad": np.ones(3)}, "torchlite")


@settings(max_examples=50, deadline=None)
@given(
    values=st.lists(st.floats(-1e3, 1e3, allow_nan=False, width=64), min_size=1, max_size=20),
    rtol=st.sampled_from([1e-12, 1e-6, 1e-4]),
    atol=st.sampled_from([0.0, 1e-6, 1e-3]),
    index=st.integers(0, 19),
    inside=st.booleans(),
)
def test_compare_bound_is_rtol_plus_atol_times_scale(values, rtol, atol, index, inside):
    """An element moved by half its bound passes; moved by twice its bound (and at least by a
    visible amount) fails. The bound is rtol*|ref| + atol*max|ref|."""
    ref = np.array(values)
    scale = float(np.max(np.abs(ref)))
    i = index % ref.size
    bound = rtol * abs(ref[i]) + atol * scale
    got = ref.copy()
    if inside:
        got[i] += 0.5 * bound
        assert compare({"g": got}, {"g": ref}, rtol, atol) == []
    else:
        step = max(2 * bound, 1e-3)
        got[i] += step
        assert compare({"g": got}, {"g": ref}, rtol, atol) != []


# ---- the report command and the memory measurement, at reduced sizes ------------------------


def test_memory_measurement_sees_torch_storage_through_rss():
    """The premise of the method: tracemalloc does not see torch's tensor storage, RSS does.
    W3 at 250,000 elements makes 1 MB temporaries; every framework's peak holds several."""
    mib = 2**20
    floor = measure_in_subprocess("W3", "floor", iterations=1, sizes={"n": 250_000})
    lite = measure_in_subprocess("W3", "torchlite", iterations=1, sizes={"n": 250_000})
    real = measure_in_subprocess("W3", "torch", iterations=1, sizes={"n": 250_000})
    for m in (floor, lite, real):
        assert "error" not in m, m
        assert m["rss_peak_delta_bytes"] >= 2 * mib, m
    assert floor["tracemalloc_peak_bytes"] >= 2 * mib
    assert lite["tracemalloc_peak_bytes"] >= 2 * mib
    assert real["tracemalloc_peak_bytes"] < mib // 2


def test_report_smoke(tmp_path, capsys):
    out = tmp_path / "rep"
    status = report.main(["--smoke", "--rounds", "1", "--workloads", "W1-fwdbwd,W3", "--out", str(out)])
    assert status == 0
    data = json.loads((out / "report.json").read_text())
    assert [e["id"] for e in data["time"]] == ["W1-fwdbwd", "W3"]
    assert [e["id"] for e in data["memory"]] == ["W3"]
    for e in data["time"]:
        assert set(e["frameworks"]) == set(FRAMEWORKS)
        assert all(e["frameworks"][fw]["median"] > 0 for fw in FRAMEWORKS)
        assert set(e["ratios"]) == {"torchlite/torch", "floor/torch"}
        assert all(a["ok"] for a in e["agreement"].values())
    for fw in FRAMEWORKS:
        assert data["memory"][0]["frameworks"][fw]["rss_peak_delta"] is not None
    for key in ("cpu_model", "logical_cores", "torch", "torch_threads", "numpy", "python"):
        assert data["machine"][key] is not None
    md = (out / "report.md").read_text()
    assert md == report.render_markdown(data)
    for needle in ("W1: 100 chained ops", "W3:", "torchlite/torch", "## Peak memory", data["machine"]["torch"]):
        assert needle in md
    assert (out / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # --from-json re-renders the same Markdown
    again = tmp_path / "again"
    assert report.main(["--from-json", str(out / "report.json"), "--out", str(again)]) == 0
    assert (again / "report.md").read_text() == md


def test_report_exits_nonzero_on_disagreement():
    data = {
        "time": [
            {
                "id": "W3",
                "frameworks": {"torch": {}, "torchlite": {"error": "RuntimeError: boom"}, "floor": {}},
                "agreement": {"floor": {"ok": False, "problems": ["loss: max |diff| 1 exceeds ..."]}},
            }
        ],
        "memory": [],
    }
    problems = report.problems_of(data)
    assert any("torchlite failed: RuntimeError: boom" in p for p in problems)
    assert any("floor disagrees with torch" in p for p in problems)


def test_select_workloads():
    assert [w.id for w in report.select_workloads("W1")] == ["W1-nograd", "W1-graph", "W1-fwdbwd"]
    assert [w.id for w in report.select_workloads("W5,W3")] == ["W5", "W3"]
    assert len(report.select_workloads(None)) == len(WORKLOADS)
    with pytest.raises(SystemExit):
        report.select_workloads("W9")

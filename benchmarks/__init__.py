"""Benchmarks of torchlite against torch and a hand-written NumPy floor (issue "Performance").

- `benchmarks.workloads`: the workloads W1-W5, defined once for torch, torchlite and the floor.
- `benchmarks/test_bench_workloads.py`: the pytest-benchmark suite
  (`python -m pytest benchmarks/ --benchmark-only`).
- `benchmarks.report`: the interleaved comparison report
  (`python -m benchmarks.report [--quick] [--out DIR]`).
- `benchmarks.memory`: peak memory of one workload in a fresh process (used by the report).
"""

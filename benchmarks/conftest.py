"""pytest configuration of the benchmark suite: the machine in the header and in saved results."""

from benchmarks.machine import describe, machine_info


def pytest_report_header(config):
    return ["torchlite benchmarks: " + line for line in describe(machine_info())]


def pytest_benchmark_update_machine_info(config, machine_info):  # noqa: F811 - pytest-benchmark's hook name
    from benchmarks.machine import machine_info as ours

    machine_info["torchlite_benchmarks"] = ours()

"""The performance report: torchlite vs torch vs the NumPy floor, side by side in one run.

    python -m benchmarks.report [--quick] [--out DIR] [--workloads W1,W3] [--no-memory]

writes DIR/report.json (every sample and measurement), DIR/report.md (the tables, rendered from
the JSON) and DIR/report.png (bar charts of torchlite/torch and floor/torch); DIR defaults to
bench-report/ (git-ignored). `--from-json FILE` re-renders the Markdown and the chart of an
earlier run.

Time. For each workload, one case per framework is built in this process and run once; its loss
and gradients are compared with torch's (the "agrees" column). Each case is warmed up, then the
number of iterations per sample is calibrated so a sample lasts about `--sample-time`. Then come
the rounds: every round takes one sample of each framework, in an order that rotates from round to
round, with `gc.collect()` before each sample (outside the timed loop). A framework's time is the
median over rounds of its per-iteration time (per op for W1); the ratios are ratios of medians.
Interleaving means a burst of load from other processes hits all frameworks alike, and the median
ignores the samples it spoils; the JSON also keeps the per-round paired ratios and the quartiles.

Memory (W2, W3, W4): see `benchmarks/memory.py`; each framework runs in a fresh subprocess.

The exit status is 1 when torchlite or the floor fails or disagrees with torch, 0 otherwise;
targets missed do not change it (this is a measuring instrument, not a gate).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gc
import json
import math
import statistics
import sys
import time
from pathlib import Path

from benchmarks.machine import describe, load_average, machine_info, set_openblas_threads
from benchmarks.memory import measure_in_subprocess
from benchmarks.workloads import FRAMEWORKS, MEMORY_TARGET, WORKLOADS, compare

SETTINGS = {
    # rounds, seconds per sample, warm-up runs; memory: pinned-malloc repeats, default-malloc
    # repeats, iterations per measurement; reduced sizes
    "full": dict(
        rounds=15, sample_time=0.1, warmup=3, mem_repeats=3, mem_default_repeats=1, mem_iterations=3, small=False
    ),
    "quick": dict(
        rounds=5, sample_time=0.02, warmup=1, mem_repeats=1, mem_default_repeats=1, mem_iterations=2, small=False
    ),
    "smoke": dict(
        rounds=2, sample_time=0.0, warmup=0, mem_repeats=1, mem_default_repeats=0, mem_iterations=1, small=True
    ),
}
RATIOS = ("torchlite/torch", "floor/torch")


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


def _sample(run, iterations):
    """Seconds per iteration over `iterations` back-to-back runs (garbage collected before)."""
    gc.collect()
    start = time.perf_counter()
    for _ in range(iterations):
        run()
    return (time.perf_counter() - start) / iterations


def _iterations_per_sample(run, sample_time):
    """Iterations that make a sample last about `sample_time` seconds (at least 1)."""
    if sample_time <= 0:
        return 1
    n = 1
    while True:
        start = time.perf_counter()
        for _ in range(n):
            run()
        elapsed = time.perf_counter() - start
        if elapsed >= sample_time / 5 or n >= 1 << 20:
            return max(1, round(sample_time * n / max(elapsed, 1e-9)))
        n *= 4


def _stats(samples, per):
    """Per-unit statistics (seconds) of per-iteration samples."""
    units = sorted(s / per for s in samples)
    q1, q3 = (statistics.quantiles(units, n=4, method="inclusive")[i] for i in (0, 2)) if len(units) > 1 else units * 2
    return {
        "median": statistics.median(units),
        "q1": q1,
        "q3": q3,
        "min": units[0],
        "max": units[-1],
        "samples": [s / per for s in samples],
    }


def _error(exc):
    return f"{type(exc).__name__}: {exc}"


def time_workload(w, settings, log=print):
    """Build, check and time one workload under every framework, interleaved; a JSON-able dict."""
    sizes = dict(w.small) if settings["small"] else {}
    entry = {
        "id": w.id,
        "title": w.title,
        "unit": w.unit,
        "per_iteration": w.per_iteration,
        "sizes": sizes,
        "target": w.target,
        "frameworks": {},
        "agreement": {},
    }
    cases, results = {}, {}
    for fw in FRAMEWORKS:
        try:
            case = w.build(fw, **sizes)
            case.run()
            results[fw] = case.result()
            cases[fw] = case
        except Exception as exc:  # noqa: BLE001 - a failing framework is reported, not fatal
            entry["frameworks"][fw] = {"error": _error(exc)}
    for fw in ("torchlite", "floor"):
        if fw in results and "torch" in results:
            problems = compare(results[fw], results["torch"], w.rtol, w.atol)
            entry["agreement"][fw] = {"ok": not problems, "problems": problems}
        elif fw in results:
            entry["agreement"][fw] = {"ok": None, "problems": ["torch failed"]}
    iterations = {}
    for fw in list(cases):
        try:
            for _ in range(settings["warmup"]):
                cases[fw].run()
            iterations[fw] = _iterations_per_sample(cases[fw].run, settings["sample_time"])
        except Exception as exc:  # noqa: BLE001
            entry["frameworks"][fw] = {"error": _error(exc)}
            del cases[fw]
    samples = {fw: [] for fw in cases}
    order = list(cases)
    for r in range(settings["rounds"]):
        k = r % len(order) if order else 0
        for fw in order[k:] + order[:k]:
            if fw not in cases:
                continue
            try:
                samples[fw].append(_sample(cases[fw].run, iterations[fw]))
            except Exception as exc:  # noqa: BLE001
                entry["frameworks"][fw] = {"error": _error(exc)}
                del cases[fw]
    for fw in cases:
        entry["frameworks"][fw] = {"iterations_per_sample": iterations[fw], **_stats(samples[fw], w.per_iteration)}
    entry["ratios"], entry["paired_ratios"], entry["min_ratios"] = {}, {}, {}
    torch_stats = entry["frameworks"].get("torch", {})
    for name in RATIOS:
        fw = name.split("/")[0]
        mine = entry["frameworks"].get(fw, {})
        if "median" in mine and "median" in torch_stats:
            entry["ratios"][name] = mine["median"] / torch_stats["median"]
            pairs = [a / b for a, b in zip(mine["samples"], torch_stats["samples"])]
            entry["paired_ratios"][name] = statistics.median(pairs)
            entry["min_ratios"][name] = mine["min"] / torch_stats["min"]
    ratio = entry["ratios"].get("torchlite/torch")
    entry["met"] = None if ratio is None else ratio <= w.target
    log(_time_line(entry))
    return entry


def memory_workload(w, settings, log=print):
    """Peak memory of one workload, each framework in fresh subprocesses; a JSON-able dict."""
    sizes = dict(w.small) if settings["small"] else {}
    entry = {"id": w.id, "title": w.title, "sizes": sizes, "target": MEMORY_TARGET, "frameworks": {}}
    runs = {fw: {"pinned": [], "default": []} for fw in FRAMEWORKS}
    for kind, repeats in (("pinned", settings["mem_repeats"]), ("default", settings["mem_default_repeats"])):
        for r in range(repeats):
            order = FRAMEWORKS[r % 3 :] + FRAMEWORKS[: r % 3]
            for fw in order:
                runs[fw][kind].append(
                    measure_in_subprocess(w.id, fw, settings["mem_iterations"], sizes, pin_malloc=kind == "pinned")
                )
    for fw in FRAMEWORKS:
        summary = {"runs": runs[fw]}
        errors = [r["error"] for r in runs[fw]["pinned"] + runs[fw]["default"] if "error" in r]
        if errors:
            summary["error"] = errors[0]
        for kind, key in (("pinned", "rss_peak_delta"), ("default", "rss_peak_delta_default")):
            values = [r["rss_peak_delta_bytes"] for r in runs[fw][kind] if r.get("rss_peak_delta_bytes") is not None]
            summary[key] = statistics.median(values) if values else None
        values = [r["tracemalloc_peak_bytes"] for r in runs[fw]["pinned"] if "tracemalloc_peak_bytes" in r]
        summary["tracemalloc_peak"] = statistics.median(values) if values else None
        entry["frameworks"][fw] = summary
    entry["ratios"] = {}
    base = entry["frameworks"]["torch"]["rss_peak_delta"]
    for name in RATIOS:
        mine = entry["frameworks"][name.split("/")[0]]["rss_peak_delta"]
        if mine is not None and base:
            entry["ratios"][name] = mine / base
    ratio = entry["ratios"].get("torchlite/torch")
    entry["met"] = None if ratio is None else ratio <= MEMORY_TARGET
    log(_memory_line(entry))
    return entry


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------


def fmt_time(seconds):
    if seconds is None or not math.isfinite(seconds):
        return "n/a"
    for scale, unit in ((1, "s"), (1e-3, "ms"), (1e-6, "µs")):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds * 1e9:.3g} ns"


def fmt_bytes(n):
    if n is None:
        return "n/a"
    return f"{n / 2**20:.2f} MiB" if n >= 2**17 else f"{n / 2**10:.0f} KiB"


def fmt_ratio(r):
    return "n/a" if r is None else f"{r:.2f}"


def fmt_met(met):
    return "n/a" if met is None else ("met" if met else "**not met**")


def _time_cell(stats):
    if "error" in stats:
        return "error"
    if "median" not in stats:
        return "n/a"
    spread = (stats["q3"] - stats["q1"]) / 2 / stats["median"] * 100 if stats["median"] else 0.0
    return f"{fmt_time(stats['median'])} ±{spread:.0f}%"


def _agree_cell(entry):
    parts = []
    for fw in ("torchlite", "floor"):
        a = entry["agreement"].get(fw)
        if "error" in entry["frameworks"].get(fw, {}) and a is None:
            parts.append(f"{fw}: error")
        elif a is None or a["ok"] is None:
            parts.append(f"{fw}: n/a")
        else:
            parts.append(f"{fw}: {'yes' if a['ok'] else '**NO**'}")
    return ", ".join(parts)


def _time_line(e):
    fws = e["frameworks"]
    cells = ", ".join(f"{fw} {_time_cell(fws.get(fw, {}))}" for fw in FRAMEWORKS)
    return (
        f"{e['id']}: {cells} per {e['unit']}; torchlite/torch {fmt_ratio(e['ratios'].get('torchlite/torch'))}"
        f" (target {e['target']}, {fmt_met(e['met']).strip('*')})"
    )


def _memory_line(e):
    fws = e["frameworks"]
    cells = ", ".join(f"{fw} {fmt_bytes(fws[fw]['rss_peak_delta'])}" for fw in FRAMEWORKS)
    return (
        f"{e['id']} memory: {cells}; torchlite/torch {fmt_ratio(e['ratios'].get('torchlite/torch'))}"
        f" (target {e['target']}, {fmt_met(e['met']).strip('*')})"
    )


def problems_of(data):
    """Failures and disagreements (each a line), which make the command exit with status 1."""
    lines = []
    for e in data["time"]:
        for fw, stats in e["frameworks"].items():
            if "error" in stats:
                lines.append(f"{e['id']}: {fw} failed: {stats['error']}")
        for fw, a in e["agreement"].items():
            if a["ok"] is False:
                lines.extend(f"{e['id']}: {fw} disagrees with torch: {p}" for p in a["problems"])
    for e in data.get("memory", []):
        for fw, m in e["frameworks"].items():
            if "error" in m:
                lines.append(f"{e['id']} memory: {fw} failed: {m['error']}")
    return lines


def render_markdown(data):
    meta, machine = data["meta"], data["machine"]
    machine_line, software_line = describe(machine)
    time_entries, memory_entries = data["time"], data.get("memory", [])
    met_t = sum(1 for e in time_entries if e["met"])
    met_m = sum(1 for e in memory_entries if e["met"])
    problems = problems_of(data)
    load_end = meta.get("load_average_end")
    out = [
        "# torchlite performance report",
        "",
        f"Generated {meta['date']} by `{meta['command']}` ({meta['mode']}: {meta['rounds']} interleaved rounds,"
        f" samples of about {meta['sample_time']} s).",
        "",
        *(
            [f"- **Threads forced to {meta['threads_forced']}** (`--threads`): the targets assume default threads."]
            if meta.get("threads_forced") is not None
            else []
        ),
        f"- Machine: {machine_line}" + (f" at the start, {load_end[0]} at the end" if load_end else "") + ".",
        f"- Software: {software_line}.",
        f"- Time targets met: {met_t} of {len(time_entries)}."
        + (f" Memory targets met: {met_m} of {len(memory_entries)}." if memory_entries else ""),
        "- Agreement with torch (loss and gradients): "
        + ("all results agree." if not problems else f"**{len(problems)} problem(s)**, listed at the end."),
        "",
        "## Time",
        "",
        "Median per op (W1) or per step, ± half the interquartile range as a share of the median. Ratios are"
        " ratios of medians; lower is faster; the target bounds torchlite/torch. The ratio of the fastest"
        " samples is shown for comparison: when it differs much from the ratio of medians, load from other"
        " processes has distorted the run.",
        "",
        "| workload | torch | torchlite | floor | torchlite/torch | floor/torch | target | |"
        " torchlite/torch of minima | agrees with torch |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for e in time_entries:
        fws = e["frameworks"]
        size = ", ".join(f"{k}={v}" for k, v in e["sizes"].items())
        out.append(
            f"| {e['title']}{f' ({size})' if size else ''}, per {e['unit']} | {_time_cell(fws.get('torch', {}))}"
            f" | {_time_cell(fws.get('torchlite', {}))} | {_time_cell(fws.get('floor', {}))}"
            f" | {fmt_ratio(e['ratios'].get('torchlite/torch'))} | {fmt_ratio(e['ratios'].get('floor/torch'))}"
            f" | ≤ {e['target']} | {fmt_met(e['met'])} | {fmt_ratio(e.get('min_ratios', {}).get('torchlite/torch'))}"
            f" | {_agree_cell(e)} |"
        )
    if memory_entries:
        out += [
            "",
            "## Peak memory",
            "",
            "Extra resident memory at the peak of the iterations, above the process with its inputs allocated"
            " (each framework in a fresh subprocess, glibc's mmap threshold pinned so freed buffers return to the"
            f" kernel; median of {meta['mem_repeats']} run(s)). The target bounds torchlite/torch."
            " For reference: the same with glibc's default malloc, and tracemalloc's peak of the Python and"
            " NumPy allocations (torch's tensor storage is invisible to tracemalloc).",
            "",
            "| workload | torch | torchlite | floor | torchlite/torch | floor/torch | target | |"
            " default malloc: torch / torchlite / floor | tracemalloc: torchlite / floor |",
            "|---|---:|---:|---:|---:|---:|---:|---|---|---|",
        ]
        for e in memory_entries:
            fws = e["frameworks"]
            default = " / ".join(fmt_bytes(fws[fw]["rss_peak_delta_default"]) for fw in FRAMEWORKS)
            traced = " / ".join(fmt_bytes(fws[fw]["tracemalloc_peak"]) for fw in ("torchlite", "floor"))
            size = ", ".join(f"{k}={v}" for k, v in e["sizes"].items())
            out.append(
                f"| {e['id']}{f' ({size})' if size else ''} | {fmt_bytes(fws['torch']['rss_peak_delta'])}"
                f" | {fmt_bytes(fws['torchlite']['rss_peak_delta'])} | {fmt_bytes(fws['floor']['rss_peak_delta'])}"
                f" | {fmt_ratio(e['ratios'].get('torchlite/torch'))} | {fmt_ratio(e['ratios'].get('floor/torch'))}"
                f" | ≤ {e['target']} | {fmt_met(e['met'])} | {default} | {traced} |"
            )
    out += [
        "",
        "## Method",
        "",
        "- Workloads: `benchmarks/workloads.py` (one definition run by torch, torchlite and the hand-written"
        " NumPy floor: forward plus explicit gradients). Identical seeded inputs, made with NumPy.",
        "- Time: per workload, each framework is checked against torch, warmed up, and calibrated to samples of"
        " about the sample time; then every round times one sample of each framework, in an order rotating"
        " from round to round, garbage collected before each sample. Medians over rounds.",
        "- Memory: `benchmarks/memory.py`: warm up with a throwaway case of the same size, build the case,"
        " `gc.collect()` and `malloc_trim`, read VmRSS, reset the peak (`/proc/self/clear_refs`), run the"
        " iterations, read the peak (VmHWM): the difference is the extra peak memory.",
        "- Raw samples, quartiles, per-round paired ratios and every memory run: `report.json`.",
    ]
    if problems:
        out += ["", "## Problems", ""] + [f"- {p}" for p in problems]
    return "\n".join(out) + "\n"


def render_png(data, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    panels = [("Time", data["time"])]
    if data.get("memory"):
        panels.append(("Peak memory (W2-W4)", data["memory"]))
    widths = [max(len(entries), 1) for _, entries in panels]
    fig, axes = plt.subplots(
        1, len(panels), figsize=(2.0 + 1.3 * sum(widths), 5.2), gridspec_kw={"width_ratios": widths}, squeeze=False
    )
    colors = {"torchlite/torch": "tab:blue", "floor/torch": "tab:green"}
    for ax, (title, entries) in zip(axes[0], panels):
        ids = [e["id"] for e in entries]
        width = 0.38
        for j, name in enumerate(RATIOS):
            xs, ys = [], []
            for i, e in enumerate(entries):
                r = e["ratios"].get(name)
                if r is not None and r > 0:
                    xs.append(i + (j - 0.5) * width)
                    ys.append(r)
            bars = ax.bar(xs, ys, width, label=name, color=colors[name])
            for bar, y in zip(bars, ys):
                ax.annotate(f"{y:.2f}", (bar.get_x() + bar.get_width() / 2, y), ha="center", va="bottom", fontsize=7)
        for i, e in enumerate(entries):
            ax.hlines(
                e["target"], i - width, i, colors="black", linewidth=2.5, zorder=3, label="target" if i == 0 else None
            )
        ax.axhline(1.0, color="grey", linestyle="--", linewidth=1, zorder=1)
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}"))
        ax.yaxis.set_minor_formatter(NullFormatter())
        low, high = ax.get_ylim()
        ax.set_ylim(min(low, 0.5), max(high, 2.0))
        ax.set_xticks(range(len(ids)), ids, rotation=30, ha="right")
        ax.set_title(title)
        ax.set_ylabel("ratio to torch (log scale; lower is better)")
        ax.grid(axis="y", which="both", alpha=0.3)
    axes[0][0].legend(loc="upper left", fontsize=8)
    machine_line, software_line = describe(data["machine"])
    fig.suptitle(f"torchlite vs torch ({data['meta']['date']})\n{machine_line}", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def write_outputs(data, out_dir):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(data, indent=1) + "\n")
    (out_dir / "report.md").write_text(render_markdown(data))
    render_png(data, out_dir / "report.png")
    return out_dir


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------


def select_workloads(spec):
    """Workloads named by a comma-separated list of ids or prefixes ('W1' selects all W1 modes)."""
    if not spec:
        return list(WORKLOADS.values())
    chosen = []
    for token in (t.strip() for t in spec.split(",") if t.strip()):
        matches = [w for wid, w in WORKLOADS.items() if wid == token or wid.startswith(token + "-")]
        if not matches:
            raise SystemExit(f"unknown workload {token!r}; known: {', '.join(WORKLOADS)}")
        chosen += [w for w in matches if w not in chosen]
    return chosen


def run(args, log=print):
    mode = "smoke" if args.smoke else "quick" if args.quick else "full"
    settings = dict(SETTINGS[mode])
    if args.rounds is not None:
        settings["rounds"] = args.rounds
    if args.sample_time is not None:
        settings["sample_time"] = args.sample_time
    workloads = select_workloads(args.workloads)
    if args.threads is not None:
        import numpy  # noqa: F401 - loads OpenBLAS so its thread count can be set
        import torch

        torch.set_num_threads(args.threads)
        set_openblas_threads(args.threads)
    machine = machine_info()
    data = {
        "meta": {
            "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "command": " ".join(["python -m benchmarks.report", *args.argv]),
            "mode": mode,
            "threads_forced": args.threads,
            **{k: settings[k] for k in ("rounds", "sample_time", "warmup", "mem_repeats", "mem_iterations")},
        },
        "machine": machine,
        "time": [],
        "memory": [],
    }
    log(describe(machine)[0])
    log(describe(machine)[1])
    for w in workloads:
        data["time"].append(time_workload(w, settings, log))
    if not args.no_memory:
        for w in workloads:
            if w.memory:
                data["memory"].append(memory_workload(w, settings, log))
    data["meta"]["load_average_end"] = load_average()
    return data


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.report", description="torchlite vs torch vs a NumPy floor: times, ratios, memory."
    )
    parser.add_argument("--quick", action="store_true", help="5 rounds of ~20 ms samples, one memory run each")
    parser.add_argument(
        "--smoke", action="store_true", help="reduced sizes, 2 rounds: checks the command (numbers meaningless)"
    )
    parser.add_argument("--out", default="bench-report", help="output directory (default: bench-report/)")
    parser.add_argument("--workloads", help="comma-separated ids or prefixes, e.g. W1,W3 (default: all)")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-memory measurements")
    parser.add_argument("--rounds", type=int, help="override the number of rounds")
    parser.add_argument("--sample-time", type=float, help="override the seconds per sample")
    parser.add_argument(
        "--threads", type=int, metavar="N",
        help="diagnostic: set torch's and NumPy's (OpenBLAS) thread counts to N; the targets assume the defaults",
    )
    parser.add_argument("--from-json", metavar="FILE", help="re-render report.md and report.png from a report.json")
    args = parser.parse_args(argv)
    args.argv = argv
    if args.from_json:
        data = json.loads(Path(args.from_json).read_text())
    else:
        data = run(args, log=lambda line: print(line, file=sys.stderr, flush=True))
    out_dir = write_outputs(data, args.out)
    print(render_markdown(data))
    print(f"wrote {out_dir / 'report.md'}, {out_dir / 'report.png'}, {out_dir / 'report.json'}", file=sys.stderr)
    problems = problems_of(data)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

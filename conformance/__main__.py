"""Command line: ``python -m conformance [PATH ...]`` or ``torchlite-conformance [PATH ...]``.

Exit status: 0 when every case is identical (or tolerant, with --allow-tolerance); 1 when some
case is not; 2 for a usage error (bad option, missing path, torch not installed); 5 when no case
was selected.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from typing import Optional, Sequence

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_CASES = 0, 1, 2, 5


def build_parser() -> argparse.ArgumentParser:
    from .runner import CACHE_ENV, default_jobs

    p = argparse.ArgumentParser(
        prog="torchlite-conformance",
        description="Run tutorial scripts under real PyTorch and under torchlite (through an import hook; "
                    "the scripts are not edited) and report, case by case, whether torchlite printed exactly "
                    "the same thing: stdout, warnings, the uncaught exception.",
        epilog="Verdicts: identical; tolerant (equal once every number pair is within --rtol/--atol, or one "
               "unit apart in the last of >= 4 printed decimals); differs; raised (torchlite raised where torch "
               "did not); timeout; crashed; error (the runner could not run the case). Exit status: 0 if every "
               "case is identical (or tolerant with --allow-tolerance), 1 otherwise, 2 usage error, 5 no cases.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="scripts or folders (searched recursively for *.py, skipping names starting with '_'); "
                        "default: the bundled corpus conformance/cases/")
    p.add_argument("-k", dest="patterns", action="append", metavar="PATTERN",
                   help="only cases whose id contains PATTERN (case-insensitive; repeat to allow several)")
    p.add_argument("-j", "--jobs", type=int, default=default_jobs(), metavar="N",
                   help="cases run in parallel (default: the number of CPUs, here %(default)s)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="time limit of each run (default: %(default)s)")
    p.add_argument("--max-output", type=int, default=1_000_000, metavar="BYTES",
                   help="stdout kept per run; a run printing more is stopped (default: %(default)s)")
    p.add_argument("--rtol", type=float, default=1e-5, help="relative tolerance of the tolerant verdict (default: %(default)s)")
    p.add_argument("--atol", type=float, default=1e-8, help="absolute tolerance of the tolerant verdict (default: %(default)s)")
    p.add_argument("--allow-tolerance", action="store_true", help="count tolerant cases as passing")
    p.add_argument("--no-cache", action="store_true", help="run torch again instead of using its cached output")
    p.add_argument("--cache-dir", metavar="DIR",
                   help="where torch's outputs are cached (default: $%s, else $XDG_CACHE_HOME/torchlite-conformance, "
                        "else ~/.cache/torchlite-conformance)" % CACHE_ENV)
    p.add_argument("--case-args", default="", metavar="ARGS",
                   help="command-line arguments given to every case (one string, split like a shell does)")
    p.add_argument("--json", metavar="FILE", help="write the results as JSON")
    p.add_argument("--junit", metavar="FILE", help="write JUnit XML (one testcase per case)")
    p.add_argument("--html", metavar="FILE", help="write a self-contained HTML page: summary, sources, outputs side by side")
    p.add_argument("--collect-only", action="store_true", help="list the selected case ids and exit")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("-q", "--quiet", action="store_true", help="only the summary table and the final line, no diffs")
    p.add_argument("--target", default="torchlite", help=argparse.SUPPRESS)  # the package standing in for torch
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)

    from rich.console import Console

    from . import reports, terminal
    from .runner import Options, discover, run_cases, terminate_all, torch_version

    out = Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    if args.jobs < 1:
        err.print("error: --jobs must be at least 1")
        return EXIT_USAGE
    try:
        cases = discover(args.paths, args.patterns)
    except FileNotFoundError as exc:
        err.print("error: %s" % exc, markup=False)
        return EXIT_USAGE
    if args.collect_only:
        for case in cases:
            out.print(case.id, markup=False)
        return EXIT_OK if cases else EXIT_NO_CASES
    if not cases:
        err.print("no cases selected", markup=False)
        return EXIT_NO_CASES
    if torch_version() is None:
        err.print("error: PyTorch is not installed; the reference runs need it (pip install torch)")
        return EXIT_USAGE
    try:
        case_args = tuple(shlex.split(args.case_args))
    except ValueError as exc:
        err.print("error: --case-args: %s" % exc, markup=False)
        return EXIT_USAGE

    options = Options(timeout=args.timeout, max_output=args.max_output, rtol=args.rtol, atol=args.atol,
                      use_cache=not args.no_cache, cache_dir=args.cache_dir, case_args=case_args,
                      target=args.target)
    start = time.monotonic()
    try:
        with terminal.progress_bar(err, len(cases), enabled=not args.no_progress) as advance:
            results = run_cases(cases, options, jobs=args.jobs, on_result=advance)
    except KeyboardInterrupt:
        terminate_all()
        err.print("interrupted")
        return 130
    duration = time.monotonic() - start

    info = reports.run_info(duration, options)
    if args.json:
        reports.write_json(results, args.json, args.allow_tolerance, info)
    if args.junit:
        reports.write_junit(results, args.junit, args.allow_tolerance)
    if args.html:
        reports.write_html(results, args.html, args.allow_tolerance, info)

    if args.quiet:
        out.print(terminal.summary_table(results))
        out.print(terminal.final_line(results, args.allow_tolerance, duration))
    else:
        terminal.print_report(out, results, args.allow_tolerance, duration)
    for label, path in (("JSON", args.json), ("JUnit XML", args.junit), ("HTML", args.html)):
        if path:
            out.print("%s report: %s" % (label, path), markup=False)
    return EXIT_OK if all(r.ok(args.allow_tolerance) for r in results) else EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())

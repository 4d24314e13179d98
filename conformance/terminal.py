"""The terminal: a progress bar while cases run, then a summary table per group, then the diff of
each case that is not identical. Drawn with rich; case output is shown as plain text (never
interpreted as rich markup)."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from typing import Iterator, Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .compare import Verdict
from .reports import COLUMNS, summarize
from .runner import Result

STYLES = {
    "identical": "green", "tolerant": "yellow", "differs": "red", "error": "magenta",
    "raised": "magenta", "timeout": "magenta", "crashed": "magenta",
}


@contextmanager
def progress_bar(console: Console, total: int, enabled: bool = True) -> Iterator:
    """Yields ``advance(result)``; the bar is drawn on ``console`` (stderr) and removed at the end."""
    if not enabled or total == 0:
        yield lambda result: None
        return
    counts: Counter = Counter()
    progress = Progress(
        SpinnerColumn(), TextColumn("[bold]conformance"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
        console=console, transient=True,
    )
    with progress:
        task = progress.add_task("cases", total=total, status="")

        def advance(result: Result) -> None:
            counts[result.verdict.column] += 1
            status = " ".join("%s %d" % (c, counts[c]) for c in COLUMNS if counts[c])
            progress.update(task, advance=1, status=status)

        yield advance


def summary_table(results: Sequence[Result]) -> Table:
    table = Table(title="conformance summary", title_justify="left")
    table.add_column("group")
    for c in COLUMNS:
        table.add_column(c, justify="right", style=STYLES[c])
    table.add_column("total", justify="right")
    for group, counts in summarize(results).items():
        table.add_row(Text(group), *[str(counts.get(c, 0)) for c in COLUMNS], str(sum(counts.values())))
    totals = Counter(r.verdict.column for r in results)
    table.add_section()
    table.add_row(Text("total", style="bold"), *[str(totals.get(c, 0)) for c in COLUMNS], str(len(results)), style="bold")
    return table


def _diff_text(diff: str, max_lines: int = 80, max_width: int = 300) -> Text:
    text = Text()
    lines = diff.splitlines()
    for line in lines[:max_lines]:
        if len(line) > max_width:
            line = line[:max_width] + "..."
        if line.startswith("+++") or line.startswith("---"):
            style = "bold"
        elif line.startswith("@@"):
            style = "cyan"
        elif line.startswith("+"):
            style = "green"
        elif line.startswith("-"):
            style = "red"
        else:
            style = ""
        text.append(line + "\n", style=style)
    if len(lines) > max_lines:
        text.append("... %d more diff lines (the --html and --json reports have them)\n" % (len(lines) - max_lines), style="dim")
    return text


def print_report(console: Console, results: Sequence[Result], allow_tolerance: bool = False,
                 duration: float = 0.0, show_tolerant: bool = True) -> None:
    """The summary table, then each case that is not identical with its detail and diff."""
    console.print(summary_table(results))
    for r in results:
        if r.verdict is Verdict.IDENTICAL or (r.verdict is Verdict.TOLERANT and allow_tolerance and not show_tolerant):
            continue
        style = STYLES.get(r.verdict.value, "")
        head = Text()
        head.append(r.verdict.value.upper(), style="bold " + style)
        head.append(" ")
        head.append(r.case.id, style="bold")
        console.rule(head, align="left", style=style)
        if r.detail:
            console.print(Text(r.detail), soft_wrap=True)
        if r.diff:
            console.print(_diff_text(r.diff), soft_wrap=True)
        for rec in (r.torch, r.torchlite):
            if rec.status not in ("completed", "flooded") or (r.verdict is Verdict.RAISED and rec.impl == "torchlite"):
                tail = rec.stderr.strip().splitlines()[-12:]
                if tail:
                    console.print(Text("%s stderr (last lines):" % rec.impl, style="dim"))
                    console.print(Text("\n".join("  " + t for t in tail), style="dim"), soft_wrap=True)
    console.print(final_line(results, allow_tolerance, duration))


def final_line(results: Sequence[Result], allow_tolerance: bool = False, duration: float = 0.0) -> Text:
    """e.g. "102 cases: 90 identical, 6 differs, 6 raised  in 13.5 s  FAILED"."""
    totals = Counter(r.verdict.value for r in results)
    line = Text("%d cases: " % len(results))
    for i, v in enumerate(v for v in Verdict if totals[v.value]):
        line.append(", " if i else "")
        line.append("%d %s" % (totals[v.value], v.value), style=STYLES.get(v.value, ""))
    passed = all(r.ok(allow_tolerance) for r in results) and bool(results)
    line.append("  in %.1f s  " % duration)
    line.append("PASSED" if passed else "FAILED", style="bold green" if passed else "bold red")
    return line

"""Report files: JSON (machine-readable), JUnit XML (CI systems), HTML (one self-contained page).

Everything a case produced is untrusted text: the HTML page escapes all of it (html.escape, and
difflib.HtmlDiff which escapes its cells), the XML writer escapes it and drops the characters
XML 1.0 cannot hold.
"""

from __future__ import annotations

import datetime
import difflib
import html
import json
import platform
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Optional, Sequence

from .compare import Verdict, split_lines, transcript
from .runner import Result, torch_version

__all__ = ["COLUMNS", "summarize", "run_info", "write_json", "write_junit", "write_html", "json_report"]

COLUMNS = ("identical", "tolerant", "differs", "error")
JSON_SCHEMA = "torchlite-conformance-report/1"
HTML_MAX_LINES = 2000  # lines of each side shown in the HTML side-by-side view


def summarize(results: Sequence[Result]) -> dict[str, Counter]:
    """Counts per group (the case's parent folder) and column, groups in order of appearance."""
    groups: dict[str, Counter] = {}
    for r in results:
        groups.setdefault(r.case.group, Counter())[r.verdict.column] += 1
    return groups


def run_info(duration: Optional[float] = None, options=None) -> dict:
    info = {
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "torch_version": torch_version(),
        "python_version": platform.python_version(),
    }
    if duration is not None:
        info["duration"] = round(duration, 3)
    if options is not None:
        info["options"] = {"timeout": options.timeout, "max_output": options.max_output,
                           "rtol": options.rtol, "atol": options.atol, "use_cache": options.use_cache,
                           "case_args": list(options.case_args), "seed": options.seed}
    return info


# ------------------------------------------------------------------------------------------------
# JSON


def json_report(results: Sequence[Result], allow_tolerance: bool = False, info: Optional[dict] = None) -> dict:
    totals = Counter(r.verdict.value for r in results)
    return {
        "schema": JSON_SCHEMA,
        **(info or run_info()),
        "allow_tolerance": allow_tolerance,
        "passed": all(r.ok(allow_tolerance) for r in results),
        "summary": {
            "total": len(results),
            "verdicts": {v.value: totals.get(v.value, 0) for v in Verdict},
            "groups": {g: {c: n.get(c, 0) for c in COLUMNS} for g, n in summarize(results).items()},
        },
        "cases": [r.to_dict() for r in results],
    }


def write_json(results: Sequence[Result], path, allow_tolerance: bool = False, info: Optional[dict] = None) -> None:
    data = json_report(results, allow_tolerance, info)
    Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=True) + "\n", encoding="utf-8")


# ------------------------------------------------------------------------------------------------
# JUnit XML

_XML_BAD = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _XML_BAD.sub(lambda m: "\\x%02x" % ord(m.group()) if ord(m.group()) < 256 else "\\u%04x" % ord(m.group()), text)


def write_junit(results: Sequence[Result], path, allow_tolerance: bool = False, suite_name: str = "torchlite-conformance") -> None:
    """One <testcase> per case (classname: its group). Differences are <failure>s with the diff;
    raised / timeout / crashed / error are <error>s. A tolerant case fails unless allowed."""
    failures = sum(1 for r in results if not r.ok(allow_tolerance) and r.verdict.column != "error")
    errors = sum(1 for r in results if r.verdict.column == "error")
    total_time = sum(r.duration for r in results)
    suites = ET.Element("testsuites", name=suite_name, tests=str(len(results)), failures=str(failures),
                        errors=str(errors), time="%.3f" % total_time)
    suite = ET.SubElement(suites, "testsuite", name=suite_name, tests=str(len(results)),
                          failures=str(failures), errors=str(errors), skipped="0", time="%.3f" % total_time)
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", name="torch_version", value=str(torch_version()))
    for r in results:
        tc = ET.SubElement(suite, "testcase", classname=_xml_text(r.case.group), name=_xml_text(r.case.id),
                           file=_xml_text(str(r.case.path)), time="%.3f" % r.duration)
        if r.ok(allow_tolerance):
            if r.verdict is Verdict.TOLERANT:
                out = ET.SubElement(tc, "system-out")
                out.text = _xml_text("tolerant: %s\n\n%s" % (r.detail, r.diff))
            continue
        tag = "error" if r.verdict.column == "error" else "failure"
        message = r.verdict.value + (": " + r.detail if r.detail else "")
        el = ET.SubElement(tc, tag, message=_xml_text(message[:2000]), type=r.verdict.value)
        el.text = _xml_text(r.report())
    tree = ET.ElementTree(suites)
    ET.indent(tree)
    tree.write(str(path), encoding="utf-8", xml_declaration=True)


# ------------------------------------------------------------------------------------------------
# HTML

_CSS = """
body { font-family: system-ui, -apple-system, Segoe UI, sans-serif; margin: 2em; color: #222; }
h1 { margin-bottom: 0.2em; } .meta { color: #666; margin-top: 0; }
table.summary { border-collapse: collapse; margin: 1em 0; }
table.summary th, table.summary td { border: 1px solid #ccc; padding: 0.25em 0.8em; text-align: right; }
table.summary th:first-child, table.summary td:first-child { text-align: left; }
table.summary tr.total td { font-weight: bold; }
.badge { display: inline-block; padding: 0.05em 0.5em; border-radius: 0.6em; color: #fff; font-size: 0.85em;
         font-family: monospace; margin-right: 0.5em; }
.b-identical { background: #2e7d32; } .b-tolerant { background: #9e9d24; } .b-differs { background: #c62828; }
.b-raised, .b-timeout, .b-crashed, .b-error { background: #6a1b9a; }
section.case { border-top: 1px solid #ddd; padding: 0.6em 0; }
section.case h3 { font-family: monospace; font-size: 1em; margin: 0.3em 0; }
p.detail { margin: 0.2em 0 0.4em 0; white-space: pre-wrap; font-family: monospace; font-size: 0.9em; }
pre { background: #f6f8fa; padding: 0.6em; overflow-x: auto; font-size: 0.85em; }
ul.index { columns: 2; font-family: monospace; font-size: 0.9em; }
table.diff { font-family: monospace; font-size: 0.85em; border-collapse: collapse; width: 100%; }
table.diff td { padding: 0 0.3em; vertical-align: top; white-space: pre-wrap; word-break: break-all; }
table.diff th.diff_header { background: #eee; } td.diff_header { color: #999; text-align: right; }
td.diff_next { display: none; }
.diff_add { background: #c8f0c8; } .diff_chg { background: #f5e7a0; } .diff_sub { background: #f7c6c6; }
.legend { font-size: 0.85em; color: #555; }
"""


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def _visible(text: str) -> str:
    """Control characters (NUL, ESC of colour codes...) as \\xNN, so the page shows them."""
    return _CONTROL.sub(lambda m: "\\x%02x" % ord(m.group()), text)


def _side_lines(rec) -> list[str]:
    lines = [_visible(line) for line in split_lines(transcript(rec))]
    if len(lines) > HTML_MAX_LINES:
        lines = lines[:HTML_MAX_LINES] + ["[... %d more lines not shown]" % (len(lines) - HTML_MAX_LINES)]
    return lines


def _case_html(index: int, r: Result, allow_tolerance: bool) -> str:
    e = html.escape
    v = r.verdict.value
    parts = ['<section class="case v-%s" id="case-%d">' % (v, index),
             '<h3><span class="badge b-%s">%s</span>%s</h3>' % (v, e(v), e(r.case.id))]
    if r.detail:
        parts.append('<p class="detail">%s</p>' % e(r.detail))
    cached = " (torch's run from the cache)" if r.torch.cached else ""
    parts.append('<details><summary>source: %s</summary><pre>%s</pre></details>' % (e(str(r.case.path)), e(_visible(r.case.source))))
    table = difflib.HtmlDiff(tabsize=4).make_table(_side_lines(r.torch), _side_lines(r.torchlite),
                                                    "torch" + cached, "torchlite", context=False)
    # HtmlDiff escapes &, < and > of every cell itself (headers are ours, plain text)
    parts.append('<details%s><summary>outputs side by side</summary>%s</details>'
                 % ("" if r.ok(allow_tolerance) else " open", table))
    for rec in (r.torch, r.torchlite):
        if rec.stderr.strip():
            parts.append('<details><summary>%s stderr (not compared)</summary><pre>%s</pre></details>'
                         % (e(rec.impl), e(_visible(rec.stderr))))
    parts.append("</section>")
    return "\n".join(parts)


def write_html(results: Sequence[Result], path, allow_tolerance: bool = False, info: Optional[dict] = None,
               title: str = "torchlite conformance report") -> None:
    e = html.escape
    info = info or run_info()
    groups = summarize(results)
    rows = []
    for g, counts in groups.items():
        rows.append("<tr><td>%s</td>%s<td>%d</td></tr>" % (
            e(g), "".join("<td>%d</td>" % counts.get(c, 0) for c in COLUMNS), sum(counts.values())))
    totals = Counter(r.verdict.column for r in results)
    rows.append('<tr class="total"><td>total</td>%s<td>%d</td></tr>' % (
        "".join("<td>%d</td>" % totals.get(c, 0) for c in COLUMNS), len(results)))
    meta = "torch %s · Python %s · %d cases · %s" % (
        info.get("torch_version"), info.get("python_version"), len(results), info.get("generated", ""))
    failing = [(i, r) for i, r in enumerate(results) if not r.ok(allow_tolerance)]
    index = "".join('<li><a href="#case-%d"><span class="badge b-%s">%s</span>%s</a></li>'
                    % (i, r.verdict.value, e(r.verdict.value), e(r.case.id)) for i, r in failing)
    doc = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>%s</title><style>%s</style></head><body>" % (e(title), _CSS),
        "<h1>%s</h1>" % e(title), '<p class="meta">%s</p>' % e(meta),
        '<table class="summary"><thead><tr><th>group</th>%s<th>total</th></tr></thead><tbody>%s</tbody></table>'
        % ("".join("<th>%s</th>" % c for c in COLUMNS), "".join(rows)),
    ]
    if failing:
        doc.append("<h2>Not identical%s</h2><ul class=\"index\">%s</ul>"
                   % (" (tolerant allowed)" if allow_tolerance else "", index))
    doc.append('<h2>Cases</h2><p class="legend">Left: torch, right: torchlite. '
               '<span class="diff_add">added</span> <span class="diff_chg">changed</span> '
               '<span class="diff_sub">deleted</span>. Warnings, the uncaught exception and an '
               'abnormal end are shown in [brackets] after the printed output.</p>')
    doc.extend(_case_html(i, r, allow_tolerance) for i, r in enumerate(results))
    doc.append("</body></html>\n")
    Path(path).write_text("\n".join(doc), encoding="utf-8", errors="backslashreplace")

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

"""The bundled conformance corpus as tests: one test per case file under conformance/cases/.

Each case is run under real torch and under torchlite (through the import hook) and must print
exactly the same thing. Cases are discovered when pytest collects this module, so a new case file
is a new test without editing anything here. torch's output is cached (see conformance/runner.py),
so after the first run only the torchlite side runs again.

Environment knobs: TORCHLITE_CONFORMANCE_CACHE (cache folder), TORCHLITE_CONFORMANCE_TIMEOUT
(seconds per run, default 60).
"""

from __future__ import annotations

import os

import pytest

from conformance.compare import Verdict
from conformance.runner import BUNDLED_CASES, Options, discover, run_case

CASES = discover()
OPTIONS = Options(timeout=float(os.environ.get("TORCHLITE_CONFORMANCE_TIMEOUT", "60")))


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case_prints_what_torch_prints(case):
    result = run_case(case, OPTIONS)
    if result.verdict is not Verdict.IDENTICAL:
        pytest.fail(result.report(), pytrace=False)  # verdict, detail, diff, stderr tail


def test_corpus_is_not_empty():
    assert CASES, "no conformance case found under %s" % BUNDLED_CASES

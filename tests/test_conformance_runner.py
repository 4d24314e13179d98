"""Tests of the conformance runner itself (not of torchlite).

The fixture cases under tests/conformance_fixtures/verdicts/ behave differently under the
torchlite run on purpose (they find out which implementation answers `import torch` without
importing it, see _impl.py); each declares the verdict it must get on its first line
(`# expect: VERDICT`). tests/conformance_fixtures/hook/ holds a stand-in package (`_fakelite`)
to test the import hook without depending on torchlite's API.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conformance import __main__ as cli
from conformance import reports, runner
from conformance.compare import RunRecord, Verdict, judge, normalize, tolerant_equal, transcript, type_name
from conformance.runner import Options, ReferenceCache, discover, run_case, run_cases, run_impl

FIXTURES = Path(__file__).parent / "conformance_fixtures"
VERDICTS = FIXTURES / "verdicts"
HOOK = FIXTURES / "hook"
DISCOVERY = FIXTURES / "discovery"
FAST = {"timeout": 4.0, "max_output": 100_000}  # the hang fixture costs one timeout

VERDICT_FILES = sorted(p for p in VERDICTS.glob("*.py") if not p.name.startswith("_"))


def expected_verdict(path: Path) -> str:
    match = re.match(r"# expect: (\w+)", path.read_text().splitlines()[0])
    assert match, "%s must start with '# expect: VERDICT'" % path
    return match.group(1)


def line_of(path: Path, text: str) -> int:
    """The number of the line of ``path`` containing ``text`` (looked up, not hard-coded)."""
    for number, line in enumerate(path.read_text().splitlines(), 1):
        if text in line:
            return number
    raise AssertionError("%r not in %s" % (text, path))


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("conformance-cache")


@pytest.fixture(scope="session")
def fixture_results(cache_dir):
    """Every verdict fixture, run once in parallel (this also fills the session's cache)."""
    cases = discover([VERDICTS])
    results = run_cases(cases, Options(cache_dir=cache_dir, **FAST), jobs=4)
    return {r.case.path.name: r for r in results}


@pytest.fixture(scope="session")
def all_results(fixture_results):
    return [fixture_results[p.name] for p in VERDICT_FILES]


# ------------------------------------------------------------------------------------------------
# verdicts


@pytest.mark.parametrize("path", VERDICT_FILES, ids=[p.stem for p in VERDICT_FILES])
def test_fixture_gets_its_expected_verdict(fixture_results, path):
    result = fixture_results[path.name]
    assert result.verdict.value == expected_verdict(path), result.report()


def test_fixtures_cover_every_verdict_of_a_run():
    kinds = {expected_verdict(p) for p in VERDICT_FILES}
    assert kinds >= {"identical", "tolerant", "differs", "raised", "timeout", "crashed"}


def test_every_fixture_has_a_result_in_order(cache_dir, fixture_results):
    # a hang, a crash and two floods in the same run did not stop or disturb the other cases
    assert sorted(fixture_results) == [p.name for p in VERDICT_FILES]
    for name, result in fixture_results.items():
        assert result.case.path.name == name
        assert result.torch.status != "error" and result.torchlite.status != "error", result.report()


def test_hang_is_a_timeout_and_keeps_what_was_printed(fixture_results):
    r = fixture_results["hang.py"]
    assert r.verdict is Verdict.TIMEOUT
    assert r.torchlite.timed_out and not r.torch.timed_out
    assert r.torchlite.stdout == "before the hang\n"
    assert r.torch.stdout == "before the hang\nafter\n"
    assert "timed out" in r.detail and "torchlite" in r.detail


def test_crash_reports_the_signal(fixture_results):
    r = fixture_results["crash.py"]
    assert r.verdict is Verdict.CRASHED
    assert r.torchlite.signal == "SIGSEGV" and r.torchlite.status == "signal"
    assert r.torchlite.stdout == "before the crash\n"
    assert "SIGSEGV" in r.detail
    assert r.torch.status == "completed" and r.torch.signal is None


def test_os_exit_is_a_crash_unless_torch_does_the_same(fixture_results):
    r = fixture_results["os_exit.py"]
    assert r.verdict is Verdict.CRASHED
    assert r.torchlite.status == "unfinished" and r.torchlite.returncode == 3
    both = fixture_results["os_exit_both.py"]
    assert both.verdict is Verdict.IDENTICAL
    assert both.torch.stdout == both.torchlite.stdout == "printed before os._exit is kept\n"


def test_flood_is_cut_at_the_byte_cap(fixture_results):
    r = fixture_results["flood.py"]
    assert r.verdict is Verdict.DIFFERS
    assert r.torchlite.truncated and r.torchlite.status == "flooded"
    assert r.torchlite.stdout_bytes == FAST["max_output"] == len(r.torchlite.stdout.encode())
    assert not r.torch.truncated and r.torch.stdout == "start\nend\n"
    assert "output cut at" in r.diff
    both = fixture_results["flood_both.py"]
    assert both.verdict is Verdict.IDENTICAL and both.torch.truncated and both.torchlite.truncated


def test_warning_on_a_line_of_the_case(fixture_results):
    path = VERDICTS / "warn_line.py"
    r = fixture_results["warn_line.py"]
    assert r.verdict is Verdict.IDENTICAL
    for rec in (r.torch, r.torchlite):
        got = [(w["category"], w["message"], w["location"]) for w in rec.warnings]
        assert got == [
            ("UserWarning", "look at line 5", "warn_line.py:%d" % line_of(path, 'warn("look at line 5")')),
            # Python's default filters: shown once per location, as a user would see it
            ("RuntimeWarning", "once per location by default",
             "warn_line.py:%d" % line_of(path, "once per location by default")),
        ]


def test_warning_lines_are_compared_in_the_case(fixture_results):
    r = fixture_results["warn_other_line.py"]
    assert r.verdict is Verdict.DIFFERS
    assert r.torch.warnings[0]["location"] != r.torchlite.warnings[0]["location"]
    assert "-[warning at warn_other_line.py:" in r.diff and "+[warning at warn_other_line.py:" in r.diff


def test_warning_inside_a_library_is_compared_without_its_line(fixture_results):
    r = fixture_results["warn_library.py"]
    assert r.verdict is Verdict.IDENTICAL
    (wt,), (wl,) = r.torch.warnings, r.torchlite.warnings
    assert wt["location"] is None and wl["location"] is None
    assert Path(wt["filename"]).name == Path(wl["filename"]).name == "_lib.py"
    assert wt["lineno"] != wl["lineno"]


def test_triggered_internally_suffix_is_normalised(fixture_results):
    r = fixture_results["triggered_suffix.py"]
    assert r.verdict is Verdict.IDENTICAL
    assert "Triggered internally" in r.torch.warnings[0]["message"]
    assert "Triggered internally" not in r.torchlite.warnings[0]["message"]


def test_exception_is_type_and_message(fixture_results):
    r = fixture_results["raises.py"]
    assert r.verdict is Verdict.RAISED
    assert r.torch.exception is None
    assert r.torchlite.exception["type"] == "NotImplementedError"
    assert r.torchlite.exception["message"] == "torchlite does not have this yet"
    assert "+[exception] NotImplementedError: torchlite does not have this yet" in r.diff
    both = fixture_results["raises_both.py"]
    assert both.verdict is Verdict.IDENTICAL
    assert both.torch.exception["type"] == "ValueError" and both.torch.exit_code == 1
    # traceback frames are not compared (they are in stderr, for people)
    assert "Traceback" in both.torch.stderr


def test_tolerant_shows_the_largest_difference(fixture_results):
    r = fixture_results["tolerant.py"]
    assert r.verdict is Verdict.TOLERANT
    assert not r.ok() and r.ok(allow_tolerance=True)
    assert (r.max_diff.torch, r.max_diff.torchlite) == ("0.1234", "0.1235")
    assert "largest difference" in r.detail and "0.1234" in r.detail


def test_exit_status_binary_output_and_closed_stdout(fixture_results):
    r = fixture_results["sys_exit.py"]
    assert r.verdict is Verdict.IDENTICAL and r.torch.exit_code == r.torchlite.exit_code == 3
    assert fixture_results["sys_exit_differs.py"].detail == "different exit status"
    b = fixture_results["binary.py"]
    assert b.verdict is Verdict.IDENTICAL
    assert b.torch.stdout.startswith("raw bytes: \\xff\\xfe\x00 end\n")
    c = fixture_results["close_stdout.py"]
    assert c.verdict is Verdict.IDENTICAL and c.torch.stdout == "printed before stdout is closed\n"


def test_the_case_sees_a_normal_script_environment(fixture_results):
    r = fixture_results["environment.py"]
    assert r.verdict is Verdict.IDENTICAL, r.report()
    lines = r.torchlite.stdout.splitlines()
    assert lines[0] == "argv: ['environment.py']"
    assert lines[1:4] == ["cwd is the case folder: True", "path[0] is the case folder: True", "__name__: __main__"]
    assert lines[-1] == "stdin is empty"


def test_both_runs_get_the_same_argv(cache_dir):
    case = discover([VERDICTS / "environment.py"])[0]
    result = run_case(case, Options(cache_dir=cache_dir, case_args=("--flag", "two words"), **FAST))
    assert result.verdict is Verdict.IDENTICAL
    assert result.torch.stdout.splitlines()[0] == "argv: ['environment.py', '--flag', 'two words']"


# ------------------------------------------------------------------------------------------------
# the import hook (with a stand-in package, and real torch on the other side)


def test_import_hook_maps_every_torch_import():
    case = discover([HOOK / "imports.py"])[0]
    options = Options(target="_fakelite")
    lite = run_impl(case, "torchlite", options)
    assert lite.status == "completed" and lite.exception is None, lite.stderr
    assert lite.stdout.splitlines() == [
        "names: _fakelite _fakelite.nn _fakelite.autograd _fakelite.autograd",
        "same objects: True True True",
        "spec: _fakelite _fakelite.nn",  # the module keeps its own __spec__
        "seed: 0",  # manual_seed(0) was called before the case used torch
        "missing: No module named 'torch.no_such_module'",
        "_C: _fakelite._C",
        "real torch loaded: False",
    ]
    ref = run_impl(case, "torch", options)
    assert ref.status == "completed", ref.stderr
    out = ref.stdout.splitlines()
    assert out[0] == "names: torch torch.nn torch.autograd torch.autograd"
    assert "seed: 0" in out and out[-1] == "real torch loaded: True"


def test_torch_exception_classes_compare_by_class_name():
    case = discover([HOOK / "linalg_error.py"])[0]
    options = Options(target="_fakelite")
    ref, lite = run_impl(case, "torch", options), run_impl(case, "torchlite", options)
    assert ref.exception["type"] == lite.exception["type"] == "_LinAlgError"
    assert ref.exception["type_full"].startswith("torch.")
    assert lite.exception["type_full"].startswith("_fakelite.")
    assert judge(ref, lite).detail == "different exception"  # the messages differ, not the types


# ------------------------------------------------------------------------------------------------
# caching


def test_second_run_reuses_torch_output(cache_dir, fixture_results):
    case = fixture_results["identical.py"].case
    assert fixture_results["identical.py"].torch.cached is False  # the session's first run
    again = run_case(case, Options(cache_dir=cache_dir, **FAST))
    assert again.torch.cached is True and again.verdict is Verdict.IDENTICAL
    fresh = run_case(case, Options(cache_dir=cache_dir, use_cache=False, **FAST))
    assert fresh.torch.cached is False and fresh.verdict is Verdict.IDENTICAL


def test_cached_output_is_really_used(tmp_path):
    case_file = tmp_path / "case.py"
    case_file.write_text("print('hello')\n")
    case = discover([case_file])[0]
    options = Options(cache_dir=tmp_path / "cache", **FAST)
    assert run_case(case, options).verdict is Verdict.IDENTICAL
    cache = ReferenceCache(tmp_path / "cache")
    key = cache.key(case, options)
    stored = cache.get(key)
    stored.stdout = "tampered\n"
    cache.put(key, stored)
    result = run_case(case, options)
    assert result.torch.cached and result.torch.stdout == "tampered\n"
    assert result.verdict is Verdict.DIFFERS
    assert run_case(case, options, use_cache=False).verdict is Verdict.IDENTICAL  # --no-cache


def test_cache_key_follows_what_changes_the_output(tmp_path):
    case_file = tmp_path / "case.py"
    case_file.write_text("print(1)\n")
    case = discover([case_file])[0]
    base = Options()
    key = ReferenceCache.key(case, base)
    assert ReferenceCache.key(case, base) == key
    assert ReferenceCache.key(case, Options(case_args=("x",))) != key
    assert ReferenceCache.key(case, Options(max_output=10)) != key
    (tmp_path / "_helper.py").write_text("X = 1\n")
    with_helper = ReferenceCache.key(case, base)
    assert with_helper != key
    case_file.write_text("print(2)\n")
    assert ReferenceCache.key(case, base) != with_helper
    # the timeout and the tolerance do not change torch's output
    assert ReferenceCache.key(case, Options(timeout=1, rtol=0.1)) == ReferenceCache.key(case, base)


def test_cache_key_includes_the_child_bootstrap(tmp_path, monkeypatch):
    case_file = tmp_path / "case.py"
    case_file.write_text("print(1)\n")
    case = discover([case_file])[0]
    key = ReferenceCache.key(case, Options())
    monkeypatch.setattr(runner, "_child_digest", lambda: "another bootstrap")
    assert ReferenceCache.key(case, Options()) != key


def test_cache_is_not_kept_for_timeouts(tmp_path):
    cache = ReferenceCache(tmp_path)
    cache.put("ab" * 32, RunRecord(impl="torch", timed_out=True))
    assert cache.get("ab" * 32) is None
    cache.put("cd" * 32, RunRecord(impl="torch", finished=True, exit_code=0, stdout="x\n"))
    assert cache.get("cd" * 32).stdout == "x\n"


def test_default_cache_dir(monkeypatch, tmp_path):
    monkeypatch.delenv(runner.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert runner.default_cache_dir() == tmp_path / "xdg" / "torchlite-conformance"
    monkeypatch.setenv(runner.CACHE_ENV, str(tmp_path / "explicit"))
    assert runner.default_cache_dir() == tmp_path / "explicit"
    assert Options().resolved_cache_dir() == tmp_path / "explicit"
    assert Options(cache_dir=tmp_path / "opt").resolved_cache_dir() == tmp_path / "opt"


# ------------------------------------------------------------------------------------------------
# discovery


def test_discovery_finds_cases_recursively_and_skips_underscores():
    cases = discover([DISCOVERY])
    rel = [c.path.relative_to(DISCOVERY).as_posix() for c in cases]
    assert rel == ["top.py", "grp_a/01_first.py", "grp_a/02_second.py", "grp_b/03_third.py",
                   "grp_b/deeper/04_fourth.py"]
    assert [c.group for c in cases] == ["discovery", "grp_a", "grp_a", "grp_b", "deeper"]
    assert all(c.path.is_absolute() for c in cases)


def test_discovery_filters_and_explicit_files():
    assert [c.path.name for c in discover([DISCOVERY], "GRP_B")] == ["03_third.py", "04_fourth.py"]
    assert [c.path.name for c in discover([DISCOVERY], ["first", "fourth"])] == ["01_first.py", "04_fourth.py"]
    assert discover([DISCOVERY], "no such case") == []
    # a file named explicitly is a case even if it starts with "_"; duplicates are dropped
    explicit = discover([DISCOVERY / "_top_helper.py", DISCOVERY / "top.py", DISCOVERY])
    assert [c.path.name for c in explicit][:2] == ["_top_helper.py", "top.py"]
    assert len(explicit) == 6
    with pytest.raises(FileNotFoundError):
        discover([DISCOVERY / "missing.py"])


def test_bundled_corpus_ids_are_relative_to_the_cases_folder():
    for case in discover():
        assert case.path.is_relative_to(runner.BUNDLED_CASES)
        assert case.id == case.path.relative_to(runner.BUNDLED_CASES).as_posix()
        assert not case.path.name.startswith("_")
        assert case.group == case.path.parent.name


def test_a_runner_failure_in_one_case_does_not_stop_the_others(monkeypatch):
    cases = discover([DISCOVERY])

    def fake_run_case(case, options=None, **kw):
        if case.path.name == "02_second.py":
            raise RuntimeError("simulated runner bug")
        return runner._error_result(case, "not run")

    monkeypatch.setattr(runner, "run_case", fake_run_case)
    results = run_cases(cases, jobs=3)
    assert [r.case for r in results] == cases  # in the order of the cases
    bad = results[2]
    assert bad.verdict is Verdict.ERROR and "simulated runner bug" in bad.detail
    assert all(r.detail == "not run" for i, r in enumerate(results) if i != 2)


# ------------------------------------------------------------------------------------------------
# comparison rules (no subprocess)


def rec(**fields) -> RunRecord:
    fields.setdefault("finished", True)
    fields.setdefault("exit_code", 0)
    return RunRecord(impl=fields.pop("impl", "torch"), **fields)


def test_normalize_masks_addresses_only():
    assert normalize("<MulBackward0 object at 0x7f3a5c1d2e80>") == "<MulBackward0 object at 0x<address>>"
    assert normalize("id 0x000001F2A3B4C5D6") == "id 0x<address>"
    assert normalize("hex(255) = 0xff") == "hex(255) = 0xff"
    assert normalize("msg (Triggered internally at /a/b.cpp:3.)\nnext") == "msg\nnext"
    assert normalize("msg (Triggered internally at /a/b.cpp:3.)") == "msg"


def test_type_name():
    assert type_name("builtins", "ValueError") == "ValueError"
    assert type_name("__main__", "MyError") == "MyError"
    assert type_name("torch._C", "_LinAlgError") == type_name("torchlite._errors", "_LinAlgError") == "_LinAlgError"
    assert type_name("numpy.linalg", "LinAlgError") == "numpy.linalg.LinAlgError"
    assert type_name("torchvision.ops", "E") == "torchvision.ops.E"  # only torch itself is stripped


def test_tolerant_equal_rules():
    assert tolerant_equal("tensor([0.1234])", "tensor([0.1235])", 1e-5, 1e-8)[0]  # last printed digit
    assert not tolerant_equal("0.12", "0.13", 1e-5, 1e-8)[0]
    assert not tolerant_equal("1", "2", 1e-5, 1e-8)[0]
    assert not tolerant_equal("tensor([1., 2.])", "tensor([1, 2])", 1e-5, 1e-8)[0]  # int vs float text
    assert not tolerant_equal("1.0", "1.00", 1e-5, 1e-8)[0]  # same value, other formatting
    assert not tolerant_equal("a 1.0", "b 1.0", 1e-5, 1e-8)[0]
    assert not tolerant_equal("1.0 2.0", "1.0", 1e-5, 1e-8)[0]
    assert not tolerant_equal("float32", "float64", 1e-5, 1e-8)[0]  # digits inside names are text
    ok, worst = tolerant_equal("x=0.5 y=2.0000001", "x=0.5000001 y=2.0000003", 1e-5, 1e-8)
    assert ok and (worst.torch, worst.torchlite) == ("2.0000001", "2.0000003")


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).filter(lambda v: abs(v) > 1e-3),
       st.floats(min_value=-0.9e-6, max_value=0.9e-6))
def test_relative_noise_is_tolerated(value, noise):
    a = "loss: %r" % value
    b = "loss: %r" % (value * (1 + noise))
    ok, worst = tolerant_equal(a, b, rtol=1e-5, atol=1e-8)
    if ("." in a.split()[1]) == ("." in b.split()[1]) and ("e" in a) == ("e" in b):
        assert ok, (a, b)
        assert worst is None or worst.rel <= 1e-5
    else:
        assert not ok


@settings(max_examples=200, deadline=None)
@given(st.floats(min_value=1, max_value=1e6), st.floats(min_value=1e-3, max_value=10))
def test_large_differences_are_not_tolerated(value, factor):
    a, b = "v %r" % value, "v %r" % (value * (1 + factor))
    assert tolerant_equal(a, b, rtol=1e-5, atol=1e-8) == (False, None)


def test_judge_priorities():
    ok = rec(stdout="a\n")
    assert judge(ok, rec(impl="torchlite", stdout="a\n")).verdict is Verdict.IDENTICAL
    assert judge(ok, rec(impl="torchlite", timed_out=True, timeout=3, finished=False)).verdict is Verdict.TIMEOUT
    assert judge(rec(timed_out=True, timeout=3, finished=False), ok).verdict is Verdict.TIMEOUT
    seg = rec(impl="torchlite", finished=False, signal="SIGSEGV", returncode=-11)
    assert judge(ok, seg).verdict is Verdict.CRASHED
    assert judge(rec(finished=False, signal="SIGSEGV", returncode=-11), seg).verdict is Verdict.IDENTICAL
    assert judge(rec(finished=False, signal="SIGABRT", returncode=-6), seg).verdict is Verdict.CRASHED
    raised = rec(impl="torchlite", stdout="a\n", exit_code=1,
                 exception={"type": "TypeError", "type_full": "TypeError", "message": "m"})
    assert judge(ok, raised).verdict is Verdict.RAISED
    # torch raised and torchlite did not: a difference, not "raised"
    assert judge(rec(stdout="a\n", exit_code=1, exception=dict(raised.exception)), ok).verdict is Verdict.DIFFERS
    assert judge(rec(error="boom"), ok).verdict is Verdict.ERROR


def test_transcript_shows_everything_compared():
    r = rec(stdout="out", warnings=[{"category": "UserWarning", "message": "w", "location": "c.py:3"}],
            exception={"type": "ValueError", "type_full": "ValueError", "message": "bad\nsecond line"},
            exit_code=1)
    assert transcript(r).splitlines() == [
        "out", "[no newline at end of output]", "[warning at c.py:3] UserWarning: w",
        "[exception] ValueError: bad", "    second line"]


# ------------------------------------------------------------------------------------------------
# report files


def test_json_report(tmp_path, all_results):
    path = tmp_path / "r.json"
    reports.write_json(all_results, path)
    data = json.loads(path.read_text())
    assert data["passed"] is False
    assert data["summary"]["total"] == len(VERDICT_FILES) == len(data["cases"])
    expected = Counter(expected_verdict(p) for p in VERDICT_FILES)
    assert {k: v for k, v in data["summary"]["verdicts"].items() if v} == dict(expected)
    by_name = {Path(c["path"]).name: c for c in data["cases"]}
    assert by_name["differs.py"]["verdict"] == "differs"
    assert "-tensor([1., 2.])" in by_name["differs.py"]["diff"]
    assert by_name["crash.py"]["torchlite"]["signal"] == "SIGSEGV"
    assert by_name["tolerant.py"]["max_diff"]["torch"] == "0.1234"
    assert by_name["warn_line.py"]["torch"]["warnings"][0]["location"].startswith("warn_line.py:")
    assert data["torch_version"] and data["schema"].startswith("torchlite-conformance-report/")


def test_junit_report(tmp_path, all_results):
    path = tmp_path / "r.xml"
    reports.write_junit(all_results, path)
    root = ET.parse(path).getroot()
    cases = root.findall(".//testcase")
    assert len(cases) == len(all_results)
    expected = Counter(expected_verdict(p) for p in VERDICT_FILES)
    failures, errors = root.findall(".//failure"), root.findall(".//error")
    assert len(failures) == expected["differs"] + expected["tolerant"]
    assert len(errors) == expected["raised"] + expected["timeout"] + expected["crashed"]
    suite = root.find("testsuite")
    assert int(suite.get("tests")) == len(cases) and int(suite.get("failures")) == len(failures)
    by_name = {c.get("name").rsplit("/", 1)[-1]: c for c in cases}
    differs = by_name["differs.py"].find("failure")
    assert differs.get("type") == "differs" and "-tensor([1., 2.])" in differs.text
    assert by_name["crash.py"].find("error").get("type") == "crashed"
    assert by_name["identical.py"].find("failure") is None and by_name["identical.py"].get("classname") == "verdicts"
    # the binary fixture printed NUL: the file must still be well-formed XML (parsed above)
    reports.write_junit(all_results, path, allow_tolerance=True)
    root = ET.parse(path).getroot()
    assert len(root.findall(".//failure")) == expected["differs"]


def test_html_report_escapes_everything(tmp_path, all_results):
    path = tmp_path / "r.html"
    reports.write_html(all_results, path)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "<b>bold</b>" not in page
    assert "<i>italic</i>" not in page
    # self-contained: no external resource
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    # every case is there with its source, and the failing ones are highlighted side by side
    for r in all_results:
        assert 'id="case-' in page and reports.html.escape(r.case.id) in page
    assert 'class="diff_chg"' in page or 'class="diff_sub"' in page or 'class="diff_add"' in page
    assert "\x00" not in page


# ------------------------------------------------------------------------------------------------
# the command line


def run_cli(capsys, *args) -> tuple[int, str]:
    code = cli.main([*map(str, args), "--no-progress"])
    return code, capsys.readouterr().out


def test_cli_exit_codes(capsys, cache_dir):
    common = ["--cache-dir", cache_dir, "--timeout", "4"]
    code, out = run_cli(capsys, VERDICTS / "identical.py", VERDICTS / "raises_both.py", *common)
    assert code == 0, out
    assert "2 cases" in out and "PASSED" in out
    code, out = run_cli(capsys, VERDICTS / "tolerant.py", *common)
    assert code == 1 and "TOLERANT" in out
    code, out = run_cli(capsys, VERDICTS / "tolerant.py", "--allow-tolerance", *common)
    assert code == 0
    code, out = run_cli(capsys, VERDICTS / "differs.py", *common)
    assert code == 1
    assert "DIFFERS" in out and "-tensor([1., 2.])" in out and "+tensor([1, 2])" in out
    assert run_cli(capsys, VERDICTS, "-k", "no-such-case", *common)[0] == cli.EXIT_NO_CASES
    assert run_cli(capsys, VERDICTS / "missing.py", *common)[0] == cli.EXIT_USAGE


def test_cli_collect_only(capsys):
    code, out = run_cli(capsys, DISCOVERY, "-k", "grp_a", "--collect-only")
    assert code == 0
    assert [Path(line).name for line in out.split()] == ["01_first.py", "02_second.py"]


def test_cli_writes_all_reports(capsys, cache_dir, tmp_path, fixture_results):
    files = [p for p in VERDICT_FILES if p.name != "hang.py"]  # keep this test fast
    code, out = run_cli(capsys, *files, "--cache-dir", cache_dir, "--max-output", FAST["max_output"],
                        "--json", tmp_path / "r.json", "--junit", tmp_path / "r.xml", "--html", tmp_path / "r.html",
                        "-j", "3")
    assert code == 1
    for group in ("group", "identical", "tolerant", "differs", "error", "verdicts"):
        assert group in out
    data = json.loads((tmp_path / "r.json").read_text())
    assert len(data["cases"]) == len(files)
    # the session's first run cached every torch run: this one started only torchlite
    assert all(c["reference_cached"] for c in data["cases"])
    assert len(ET.parse(tmp_path / "r.xml").getroot().findall(".//testcase")) == len(files)
    assert "&lt;script&gt;" in (tmp_path / "r.html").read_text()


def test_module_entry_point(cache_dir):
    """`python -m conformance` works as a program (what the console command runs too)."""
    env = dict(os.environ, PYTHONPATH=str(runner.PACKAGE_DIR.parent))
    proc = subprocess.run(
        [sys.executable, "-m", "conformance", str(VERDICTS / "identical.py"), "--cache-dir", str(cache_dir),
         "--no-progress"], capture_output=True, text=True, env=env, cwd=str(runner.PACKAGE_DIR.parent), timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 identical" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "conformance", str(VERDICTS / "differs.py"), "--no-progress",
                           "--cache-dir", str(cache_dir)], capture_output=True, text=True, env=env,
                          cwd=str(runner.PACKAGE_DIR.parent), timeout=120)
    assert proc.returncode == 1

"""What one run produced, how it is normalised, and how two runs are judged.

Only two things are normalised, because they can never match between two processes: object
addresses (``0x7f3a5c1d2e80`` -> ``0x<address>``) and torch's ``(Triggered internally at ...)``
suffix of warnings raised from C++. Everything else is compared exactly; a match within numeric
tolerance is its own, weaker verdict.
"""

from __future__ import annotations

import difflib
import enum
import math
import re
import signal as _signal
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

__all__ = [
    "Verdict", "RunRecord", "NumDiff", "Judgement", "normalize", "transcript", "judge",
    "tolerant_equal", "type_name", "split_lines", "unified_diff", "clean_text",
]


class Verdict(str, enum.Enum):
    IDENTICAL = "identical"  # exactly the same output, warnings, exception and exit status
    TOLERANT = "tolerant"  # the same once every number pair is within tolerance
    DIFFERS = "differs"  # ran to the same kind of end, printed something else
    RAISED = "raised"  # torchlite raised where torch did not
    TIMEOUT = "timeout"  # a run went past the time limit
    CRASHED = "crashed"  # a run died (a signal, or an exit before the script finished)
    ERROR = "error"  # the runner could not run the case (missing torch, unreadable file...)

    def __str__(self) -> str:
        return self.value

    @property
    def column(self) -> str:
        """The summary column: identical / tolerant / differs / error."""
        if self in (Verdict.IDENTICAL, Verdict.TOLERANT, Verdict.DIFFERS):
            return self.value
        return "error"


# ------------------------------------------------------------------------------------------------
# normalisation

_ADDRESS_RE = re.compile(r"(?<=at )0x[0-9a-fA-F]+\b|\b0x[0-9a-fA-F]{8,16}\b")
_TRIGGERED_RE = re.compile(r"[ \t]*\(Triggered internally at [^\n]*?\)(?=[ \t]*(?:\n|$))")
ADDRESS_PLACEHOLDER = "0x<address>"


def normalize(text: str) -> str:
    """Mask object addresses and drop torch's "(Triggered internally at ...)" suffix."""
    text = _TRIGGERED_RE.sub("", text)
    return _ADDRESS_RE.sub(ADDRESS_PLACEHOLDER, text)


def type_name(module: str, qualname: str, impl_modules: tuple[str, ...] = ("torch", "torchlite")) -> str:
    """The name compared for an exception or warning class.

    As Python's traceback prints it (``builtins`` and ``__main__`` without module), except that a
    class of torch or of the implementation is named by its class name alone, so that
    ``torch._C._LinAlgError`` and ``torchlite._errors._LinAlgError`` compare equal.
    """
    if module in ("builtins", "__main__", ""):
        return qualname
    for prefix in impl_modules:
        if module == prefix or module.startswith(prefix + "."):
            return qualname
    return module + "." + qualname


# ------------------------------------------------------------------------------------------------
# one run


@dataclass
class RunRecord:
    """Everything captured from one run of one case under one implementation."""

    impl: str  # "torch" or "torchlite"
    stdout: str = ""  # decoded (UTF-8, undecodable bytes as \\xNN), cut at the byte cap
    stdout_bytes: int = 0  # bytes kept
    truncated: bool = False  # the output passed the byte cap and the run was stopped
    max_output: int = 0
    stderr: str = ""  # not compared; shown to help understanding a failure
    warnings: list = field(default_factory=list)  # dicts: category, message, location, filename, lineno
    warnings_truncated: bool = False
    exception: Optional[dict] = None  # {"type", "type_full", "message"}
    finished: bool = False  # the bootstrap saw the script end (normally, by exception or sys.exit)
    exit_code: Optional[int] = None  # the script's exit status when finished
    returncode: Optional[int] = None  # the process's return code
    signal: Optional[str] = None  # e.g. "SIGSEGV" when killed by a signal
    timed_out: bool = False
    timeout: float = 0.0
    error: Optional[str] = None  # the runner itself failed to run this
    duration: float = 0.0
    cached: bool = False

    # -- derived ---------------------------------------------------------------------------------
    @property
    def status(self) -> str:
        """error, timeout, flooded, completed, signal or unfinished."""
        if self.error is not None:
            return "error"
        if self.timed_out:
            return "timeout"
        if self.truncated:
            return "flooded"
        if self.finished:
            return "completed"
        if self.signal is not None:
            return "signal"
        return "unfinished"

    @property
    def abnormal(self) -> bool:
        return self.status in ("signal", "unfinished")

    @property
    def termination(self) -> str:
        """How the run ended, in words; empty for a normal end with status 0."""
        status = self.status
        if status == "error":
            return "runner error: " + str(self.error)
        if status == "timeout":
            return "timed out after %g s" % self.timeout
        if status == "flooded":
            return "output cut at %d bytes (the run was stopped)" % self.max_output
        if status == "signal":
            return "killed by signal %s" % self.signal
        if status == "unfinished":
            return "process exited with code %s before the script finished" % self.returncode
        if self.exit_code and self.exception is None:
            return "exit code %d" % self.exit_code
        return ""

    def termination_key(self) -> tuple:
        status = self.status
        if status == "completed":
            return (status, self.exit_code)
        if status == "signal":
            return (status, self.signal)
        if status == "unfinished":
            return (status, self.returncode)
        return (status,)

    def normalized_stdout(self) -> str:
        return normalize(self.stdout)

    def normalized_warnings(self) -> list[tuple[str, str, Optional[str]]]:
        return [(w["category"], normalize(w["message"]), w.get("location")) for w in self.warnings]

    def normalized_exception(self) -> Optional[tuple[str, str]]:
        if self.exception is None:
            return None
        return (self.exception["type"], normalize(self.exception["message"]))

    def to_dict(self) -> dict:
        data = asdict(self)
        data["status"] = self.status
        data["termination"] = self.termination
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "RunRecord":
        names = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in names})

    @classmethod
    def from_events(cls, impl: str, events: list[dict], case_name: str,
                    impl_modules: tuple[str, ...] = ("torch", "torchlite"), **fields: Any) -> "RunRecord":
        """Build a record from the bootstrap's JSON-lines events (see ``_child.py``)."""
        rec = cls(impl=impl, **fields)
        for ev in events:
            kind = ev.get("ev")
            if kind == "warning":
                module = str(ev.get("category_module", ""))
                qualname = str(ev.get("category_qualname", "?"))
                location = None
                if ev.get("in_case") and ev.get("lineno") is not None:
                    location = "%s:%d" % (case_name, ev["lineno"])
                rec.warnings.append({
                    "category": type_name(module, qualname, impl_modules),
                    "category_full": type_name(module, qualname, ()),
                    "message": clean_text(str(ev.get("message", ""))),
                    "location": location,
                    "filename": clean_text(str(ev.get("filename", ""))),
                    "lineno": ev.get("lineno"),
                })
            elif kind == "warnings_truncated":
                rec.warnings_truncated = True
            elif kind == "exception":
                module = str(ev.get("type_module", ""))
                qualname = str(ev.get("type_qualname", "?"))
                rec.exception = {
                    "type": type_name(module, qualname, impl_modules),
                    "type_full": type_name(module, qualname, ()),
                    "message": clean_text(str(ev.get("message", ""))),
                }
            elif kind == "end":
                rec.finished = True
                rec.exit_code = ev.get("exit_code")
        return rec


def clean_text(text: str) -> str:
    """Make any string printable and encodable (lone surrogates become \\udcxx)."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def signal_name(returncode: int) -> str:
    try:
        return _signal.Signals(-returncode).name
    except ValueError:
        return "signal %d" % -returncode


# ------------------------------------------------------------------------------------------------
# transcript: one text per run, for diffs and reports


def transcript(rec: RunRecord) -> str:
    """The normalised, human-readable account of a run that diffs and reports show."""
    out = rec.normalized_stdout()
    lines = split_lines(out)
    if out and not out.endswith("\n"):
        lines.append("[no newline at end of output]")
    for category, message, location in rec.normalized_warnings():
        head = "[warning at %s]" % location if location else "[warning]"
        mlines = message.split("\n")
        lines.append("%s %s: %s" % (head, category, mlines[0]))
        lines.extend("    " + m for m in mlines[1:])
    if rec.warnings_truncated:
        lines.append("[warning] ... (further warnings were not recorded)")
    exc = rec.normalized_exception()
    if exc is not None:
        mlines = exc[1].split("\n")
        lines.append("[exception] %s: %s" % (exc[0], mlines[0]) if exc[1] else "[exception] %s" % exc[0])
        lines.extend("    " + m for m in mlines[1:])
    if rec.termination:
        lines.append("[%s]" % rec.termination)
    return "\n".join(lines) + ("\n" if lines else "")


def split_lines(text: str) -> list[str]:
    """Lines split on "\\n" only (a "\\r" inside printed text stays part of its line)."""
    if not text:
        return []
    return (text[:-1] if text.endswith("\n") else text).split("\n")


def _clip(line: str, width: int) -> str:
    return line if len(line) <= width else line[:width] + "...[%d more characters]" % (len(line) - width)


def unified_diff(ref: RunRecord, lite: RunRecord, max_lines: int = 400, max_width: int = 500) -> str:
    """A unified diff of the two transcripts, at most ``max_lines`` lines of ``max_width`` characters."""
    a = split_lines(transcript(ref))
    b = split_lines(transcript(lite))
    lines = [_clip(line, max_width) for line in difflib.unified_diff(a, b, "torch", "torchlite", lineterm="", n=3)]
    if len(lines) > max_lines:
        lines = lines[:max_lines] + ["... (%d more diff lines)" % (len(lines) - max_lines)]
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------
# numeric tolerance

_NUMBER_RE = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w])")


@dataclass
class NumDiff:
    """The largest difference found between two numbers (torch's and torchlite's text)."""

    torch: str
    torchlite: str
    abs: float
    rel: float

    def __str__(self) -> str:
        return "largest difference %.3g (relative %.3g): torch %s, torchlite %s" % (
            self.abs, self.rel, self.torch, self.torchlite)


def _decimals(text: str) -> tuple[int, int]:
    """(digits after the point in the mantissa, exponent) of a number as written."""
    low = text.lower()
    mantissa, _, exponent = low.partition("e")
    decimals = len(mantissa.partition(".")[2])
    return decimals, int(exponent) if exponent else 0


def _close(a_text: str, b_text: str, rtol: float, atol: float) -> tuple[bool, float, float]:
    """Is torchlite's number ``b_text`` close to torch's ``a_text``? Also returns abs/rel diff."""
    a, b = float(a_text), float(b_text)
    if math.isnan(a) or math.isnan(b) or math.isinf(a) or math.isinf(b):
        return a_text == b_text, math.inf, math.inf
    diff = abs(a - b)
    rel = diff / abs(a) if a != 0 else (0.0 if diff == 0 else math.inf)
    # an integer against a float, or a different notation, is a formatting difference, not noise
    if ("." in a_text) != ("." in b_text) or ("e" in a_text.lower()) != ("e" in b_text.lower()):
        return False, diff, rel
    if diff == 0:  # the same value written differently ("1.0" / "1.00"): formatting again
        return False, diff, rel
    if diff <= atol + rtol * abs(a):
        return True, diff, rel
    # the same number written with the same (>= 4) decimals, one unit apart in the last one:
    # the rounding of a printed float32 (torch prints 4 decimals) flipped
    da, ea = _decimals(a_text)
    db, eb = _decimals(b_text)
    if da == db and da >= 4 and ea == eb:
        unit = 10.0 ** (ea - da)
        if diff <= unit * (1 + 1e-9):
            return True, diff, rel
    return False, diff, rel


def tolerant_equal(a: str, b: str, rtol: float, atol: float) -> tuple[bool, Optional[NumDiff]]:
    """Equal once numbers are masked, and every pair of numbers close?

    Returns (equal, the largest difference seen). ``a`` is torch's text, ``b`` torchlite's.
    """
    a_nums = _NUMBER_RE.findall(a)
    b_nums = _NUMBER_RE.findall(b)
    if len(a_nums) != len(b_nums) or _NUMBER_RE.sub("#", a) != _NUMBER_RE.sub("#", b):
        return False, None
    worst: Optional[NumDiff] = None
    for x, y in zip(a_nums, b_nums):
        if x == y:
            continue
        ok, diff, rel = _close(x, y, rtol, atol)
        if not ok:
            return False, None
        if worst is None or diff > worst.abs:
            worst = NumDiff(x, y, diff, rel)
    return True, worst


# ------------------------------------------------------------------------------------------------
# judging a pair of runs


@dataclass
class Judgement:
    verdict: Verdict
    detail: str = ""
    diff: str = ""
    max_diff: Optional[NumDiff] = None


def _comparable(rec: RunRecord) -> tuple:
    return (
        rec.normalized_stdout(),
        rec.normalized_warnings(),
        rec.warnings_truncated,
        rec.normalized_exception(),
        rec.termination_key(),
    )


def _tolerant(ref: RunRecord, lite: RunRecord, rtol: float, atol: float) -> tuple[bool, Optional[NumDiff]]:
    if ref.termination_key() != lite.termination_key() or ref.warnings_truncated != lite.warnings_truncated:
        return False, None
    pairs = [(ref.normalized_stdout(), lite.normalized_stdout())]
    rw, lw = ref.normalized_warnings(), lite.normalized_warnings()
    if len(rw) != len(lw):
        return False, None
    for (rc, rm, rl), (lc, lm, ll) in zip(rw, lw):
        if rc != lc or rl != ll:
            return False, None
        pairs.append((rm, lm))
    re_, le = ref.normalized_exception(), lite.normalized_exception()
    if (re_ is None) != (le is None):
        return False, None
    if re_ is not None:
        if re_[0] != le[0]:
            return False, None
        pairs.append((re_[1], le[1]))
    worst = None
    for a, b in pairs:
        ok, d = tolerant_equal(a, b, rtol, atol)
        if not ok:
            return False, None
        if d is not None and (worst is None or d.abs > worst.abs):
            worst = d
    return True, worst


def judge(ref: RunRecord, lite: RunRecord, rtol: float = 1e-5, atol: float = 1e-8) -> Judgement:
    """Compare torch's run ``ref`` with torchlite's run ``lite``."""
    if ref.status == "error" or lite.status == "error":
        which = ref if ref.status == "error" else lite
        return Judgement(Verdict.ERROR, "%s run: %s" % (which.impl, which.error))
    diff = unified_diff(ref, lite)
    if ref.timed_out or lite.timed_out:
        who = " and ".join(r.impl for r in (ref, lite) if r.timed_out)
        return Judgement(Verdict.TIMEOUT, "the %s run timed out after %g s" % (who, (ref if ref.timed_out else lite).timeout), diff)
    if (ref.abnormal or lite.abnormal) and ref.termination_key() != lite.termination_key():
        parts = ["the %s run %s" % (r.impl, r.termination) for r in (lite, ref) if r.abnormal]
        if lite.abnormal and not ref.abnormal:
            parts.append("the torch run ended normally" + (" (%s)" % ref.termination if ref.termination else ""))
        return Judgement(Verdict.CRASHED, "; ".join(parts), diff)
    if lite.exception is not None and ref.exception is None:
        exc = lite.exception
        return Judgement(Verdict.RAISED, "torchlite raised %s: %s" % (exc["type_full"], exc["message"]), diff)
    if _comparable(ref) == _comparable(lite):
        return Judgement(Verdict.IDENTICAL)
    ok, worst = _tolerant(ref, lite, rtol, atol)
    if ok:
        detail = str(worst) if worst is not None else "equal within tolerance"
        return Judgement(Verdict.TOLERANT, detail, diff, worst)
    return Judgement(Verdict.DIFFERS, _differs_detail(ref, lite), diff)


def _differs_detail(ref: RunRecord, lite: RunRecord) -> str:
    parts = []
    if ref.normalized_stdout() != lite.normalized_stdout():
        parts.append("output")
    if ref.normalized_warnings() != lite.normalized_warnings() or ref.warnings_truncated != lite.warnings_truncated:
        parts.append("warnings")
    if ref.normalized_exception() != lite.normalized_exception():
        parts.append("exception")
    if ref.termination_key() != lite.termination_key():
        parts.append("exit status")
    return "different " + ", ".join(parts) if parts else "different"

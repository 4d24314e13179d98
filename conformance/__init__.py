"""torchlite's conformance runner: run scripts under real PyTorch and under torchlite, compare.

    python -m conformance [PATH ...]      # or the console command: torchlite-conformance

See ``conformance/README.md`` and ``python -m conformance --help``. The Python API lives in
``conformance.runner`` (discover, run_case, run_cases, Options, Result) and
``conformance.compare`` (Verdict, RunRecord, judge).
"""

from .compare import Verdict
from .runner import Case, Options, Result, discover, run_case, run_cases

__all__ = ["Verdict", "Case", "Options", "Result", "discover", "run_case", "run_cases"]

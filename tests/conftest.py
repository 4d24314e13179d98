"""Shared pytest configuration for the torchlite tests.

Hypothesis settings profiles
----------------------------
``ci`` (the default when no ``--hypothesis-profile`` is given): hypothesis's own CI profile,
fixed-seed (``derandomize=True``: every run draws the same examples), no deadline, no example
database, 100 examples per test unless a test's ``@settings`` says otherwise.  The
differential fuzzer (``tests/fuzz``) runs ``max_examples`` programs per test under it.

``long``: tens of thousands of random (not fixed-seed) examples for the fuzzer, with the
example database on, so a failure found once is replayed first next time::

    python -m pytest tests/fuzz --hypothesis-profile=long -n 2 --hypothesis-show-statistics

Per-test ``@settings(...)`` always win over the profile for the settings they name.
"""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    settings.get_profile("ci"),  # derandomize=True, deadline=None, database=None, print_blob=True
    max_examples=100,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    settings.get_profile("default"),  # the example database on, even where CI=1 is set
    max_examples=10_000,
    derandomize=False,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def pytest_configure(config):
    # hypothesis's plugin loads the profile named on the command line; without one, use "ci"
    if not config.getoption("hypothesis_profile", default=None):
        settings.load_profile("ci")

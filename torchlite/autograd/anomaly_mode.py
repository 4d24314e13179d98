"""Anomaly detection: set_detect_anomaly / detect_anomaly.

When on, a backward function that returns nan raises torch's error naming it.
"""

from .. import _errors
from .graph import AnomalyState as _Anomaly, set_anomaly_enabled


def is_anomaly_enabled():
    return _Anomaly.enabled


def is_anomaly_check_nan_enabled():
    return _Anomaly.check_nan


class detect_anomaly:
    """Context manager that turns anomaly detection on (as in torch, not a decorator)."""

    def __init__(self, check_nan=True):
        self.prev = _Anomaly.enabled
        self.prev_check_nan = _Anomaly.check_nan
        self.check_nan = check_nan
        _errors.warn("Anomaly Detection has been enabled. This mode will increase the runtime and "
                     "should only be enabled for debugging.")

    def __enter__(self):
        set_anomaly_enabled(True)
        _Anomaly.check_nan = self.check_nan

    def __exit__(self, *args):
        set_anomaly_enabled(self.prev)
        _Anomaly.check_nan = self.prev_check_nan


class set_detect_anomaly:
    """Set anomaly detection on or off (function or context manager)."""

    def __init__(self, mode, check_nan=True):
        self.prev = _Anomaly.enabled
        self.prev_check_nan = _Anomaly.check_nan
        set_anomaly_enabled(mode)
        _Anomaly.check_nan = check_nan

    def __enter__(self):
        pass

    def __exit__(self, *args):
        set_anomaly_enabled(self.prev)
        _Anomaly.check_nan = self.prev_check_nan


detect_anomaly.__module__ = set_detect_anomaly.__module__ = "torch.autograd.anomaly_mode"

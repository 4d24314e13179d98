"""A 'library' module: warnings raised here are compared by category and message only."""
import warnings


def warn_from_here():
    warnings.warn("library says hi", UserWarning, stacklevel=1)


def warn_from_elsewhere():
    x = 1  # noqa: F841 - a different line from warn_from_here
    warnings.warn("library says hi", UserWarning, stacklevel=1)

"""Grad mode: whether operations record a graph.  Thread-local, as in torch.

``_state.enabled`` is read on every op, so it is a plain attribute of a
``threading.local``; the context managers only flip it.
"""

from __future__ import annotations

import functools
import inspect
import threading

__all__ = ["no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled",
           "inference_mode", "is_inference_mode_enabled", "set_multithreading_enabled"]


class _State(threading.local):
    def __init__(self):
        self.enabled = True
        self.inference = False
        self.multithreading = True  # no effect here: the backward always runs on the caller


_state = _State()


def is_grad_enabled():
    return _state.enabled


def is_inference_mode_enabled():
    return _state.inference


class _DecoratorContextManager:
    """A context manager that also decorates functions and generator functions."""

    def __call__(self, func):
        if inspect.isclass(func):
            from .. import _errors
            _errors.warn("Decorating classes is deprecated and will be disabled in future versions. "
                         "You should only decorate functions or methods. To preserve the current "
                         "behavior of class decoration, you can directly decorate the `__init__` "
                         "method and nothing else.", FutureWarning)
            cls = func

            def func(*args, **kwargs):
                return cls(*args, **kwargs)
        if inspect.isgeneratorfunction(func):
            return self._wrap_generator(func)

        @functools.wraps(func)
        def decorate_context(*args, **kwargs):
            with self.clone():
                return func(*args, **kwargs)

        return decorate_context

    def _wrap_generator(self, func):
        @functools.wraps(func)
        def generator_context(*args, **kwargs):
            gen = func(*args, **kwargs)
            try:
                with self.clone():
                    response = gen.send(None)
                while True:
                    try:
                        request = yield response
                    except GeneratorExit:
                        with self.clone():
                            gen.close()
                        raise
                    except BaseException as exc:  # forward throw() into the generator
                        with self.clone():
                            response = gen.throw(exc)
                    else:
                        with self.clone():
                            response = gen.send(request)
            except StopIteration as stop:
                return stop.value

        return generator_context

    def clone(self):
        return self.__class__()


class _GradModeBlock(_DecoratorContextManager):
    """Grad mode set to ``MODE`` inside the block; usable as @cls and @cls()."""

    MODE = False

    def __init__(self):
        self.prev = False

    def __new__(cls, orig_func=None):
        # torch accepts both @no_grad and @no_grad()
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)

    def __enter__(self):
        self.prev = _state.enabled
        _state.enabled = self.MODE

    def __exit__(self, exc_type, exc_value, traceback):
        _state.enabled = self.prev


class no_grad(_GradModeBlock):
    """Disable gradient recording inside the block (or the decorated function)."""

    MODE = False


class enable_grad(_GradModeBlock):
    """Enable gradient recording inside the block (or the decorated function)."""

    MODE = True


def _check_bool(mode, fn="set_grad_enabled"):
    if type(mode) is not bool:
        raise TypeError(f"{fn}(): argument 'enabled' (position 1) must be bool, not "
                        f"{type(mode).__name__}")
    return mode


class set_grad_enabled(_DecoratorContextManager):
    """Set grad mode on construction; as a context manager, restore it on exit."""

    def __init__(self, mode):
        self.prev = _state.enabled
        self.mode = mode
        _state.enabled = _check_bool(mode)

    def __call__(self, orig_func):
        _state.enabled = self.prev
        return super().__call__(orig_func)

    def __enter__(self):
        _state.enabled = _check_bool(self.mode)

    def __repr__(self):
        return f"torch.autograd.grad_mode.set_grad_enabled(mode={self.mode})"

    def __exit__(self, exc_type, exc_value, traceback):
        _state.enabled = self.prev

    def clone(self):
        return self.__class__(self.mode)


class inference_mode(_DecoratorContextManager):
    """Like no_grad, and tensors created inside are inference tensors."""

    def __init__(self, mode=True):
        self.mode = mode
        self.prev = None

    def __new__(cls, mode=True):
        if isinstance(mode, bool):
            return super().__new__(cls)
        return cls()(mode)

    def __enter__(self):
        self.prev = (_state.enabled, _state.inference)
        # torch: grad mode is the opposite of the inference mode being set
        _state.enabled = not self.mode
        _state.inference = bool(self.mode)

    def __exit__(self, exc_type, exc_value, traceback):
        _state.enabled, _state.inference = self.prev

    def clone(self):
        return self.__class__(self.mode)


class set_multithreading_enabled(_DecoratorContextManager):
    """Whether the backward may use device threads (thread-local; torchlite has none)."""

    def __init__(self, mode):
        self.prev = _state.multithreading
        _state.multithreading = _check_bool(mode, "set_multithreading_enabled")
        self.mode = mode

    def __enter__(self):
        pass

    def __exit__(self, exc_type, exc_value, traceback):
        _state.multithreading = self.prev

    def clone(self):
        return self.__class__(self.mode)


for _cls in (no_grad, enable_grad, set_grad_enabled, inference_mode, set_multithreading_enabled):
    _cls.__module__ = "torch.autograd.grad_mode"

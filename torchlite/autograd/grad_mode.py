"""Grad mode: whether operations record a graph.  Thread-local, as in torch.

``_state.enabled`` is read on every op, so it is a plain attribute of a
``threading.local``; the context managers only flip it.
"""

from __future__ import annotations

import functools
import inspect
import threading

__all__ = ["no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled",
           "inference_mode", "is_inference_mode_enabled"]


class _State(threading.local):
    def __init__(self):
        self.enabled = True
        self.inference = False


_state = _State()


def is_grad_enabled():
    return _state.enabled


def is_inference_mode_enabled():
    return _state.inference


class _DecoratorContextManager:
    """A context manager that also decorates functions and generator functions."""

    def __call__(self, func):
        if inspect.isclass(func):
            raise RuntimeError("Cannot decorate classes; it is ambiguous whether or not only the "
                               "constructor or all methods should have the context manager applied; "
                               "additionally, decorating a class at definition-site will prevent "
                               "use of the identifier as a conventional type.  To specify which "
                               "methods to decorate, decorate each of them individually.")
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


class no_grad(_DecoratorContextManager):
    """Disable gradient recording inside the block (or the decorated function)."""

    def __init__(self):
        self.prev = False

    def __new__(cls, orig_func=None):
        # torch accepts both @no_grad and @no_grad()
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)

    def __enter__(self):
        self.prev = _state.enabled
        _state.enabled = False

    def __exit__(self, exc_type, exc_value, traceback):
        _state.enabled = self.prev


class enable_grad(_DecoratorContextManager):
    """Enable gradient recording inside the block (or the decorated function)."""

    def __init__(self):
        self.prev = False

    def __new__(cls, orig_func=None):
        if orig_func is None:
            return super().__new__(cls)
        return cls()(orig_func)

    def __enter__(self):
        self.prev = _state.enabled
        _state.enabled = True

    def __exit__(self, exc_type, exc_value, traceback):
        _state.enabled = self.prev


class set_grad_enabled(_DecoratorContextManager):
    """Set grad mode on construction; as a context manager, restore it on exit."""

    def __init__(self, mode):
        self.prev = _state.enabled
        self.mode = mode
        _state.enabled = bool(mode)

    def __call__(self, orig_func):
        _state.enabled = self.prev
        return super().__call__(orig_func)

    def __enter__(self):
        pass

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


for _cls in (no_grad, enable_grad, set_grad_enabled, inference_mode):
    _cls.__module__ = "torch.autograd.grad_mode"

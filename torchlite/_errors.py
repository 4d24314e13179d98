"""Every user-visible error and warning message, in torch's exact words.

Each text was read off torch 2.13 by running the misuse; the tests compare
against torch at test time.  Functions build the message; callers raise.
"""

from __future__ import annotations

import warnings

# --- autograd -------------------------------------------------------------------

BACKWARD_TWICE = (
    "Trying to backward through the graph a second time (or directly access saved tensors after "
    "they have already been freed). Saved intermediate values of the graph are freed when you call "
    ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the "
    "graph a second time or if you need to access saved tensors after calling backward.")
IMPLICIT_SCALAR = "grad can be implicitly created only for scalar outputs"
LEAF_INPLACE = "a leaf Variable that requires grad is being used in an in-place operation."
VIEW_OF_LEAF_INPLACE = "a view of a leaf Variable that requires grad is being used in an in-place operation."
REQUIRES_GRAD_FLOAT_CTOR = "Only Tensors of floating point and complex dtype can require gradients"
REQUIRES_GRAD_FLOAT_METHOD = "only Tensors of floating point dtype can require gradients"
REQUIRES_GRAD_FLOAT_ATTR = "only Tensors of floating point and complex dtype can require gradients"
NON_LEAF_GRAD_WARNING = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad "
    "attribute won't be populated during autograd.backward(). If you indeed want the .grad field "
    "to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you "
    "access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See "
    "github.com/pytorch/pytorch/pull/30531 for more information.")
ANOMALY_HINT = ("Hint: enable anomaly detection to find the operation that failed to compute its "
                "gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")


INFERENCE_INPLACE = ("Inplace update to inference tensor outside InferenceMode is not allowed."
                     "You can make a clone to get a normal tensor before doing inplace update."
                     "See https://github.com/pytorch/rfcs/pull/17 for more details.")
INFERENCE_SAVED = ("Inference tensors cannot be saved for backward. Please do not use Tensors "
                   "created in inference mode in computation tracked by autograd. To work around "
                   "this, you can make a clone to get a normal tensor and use it in autograd, or "
                   "use `torch.no_grad()` instead of `torch.inference_mode()`.")
NO_GRAD_VIEW_SUFFIX = (
    "Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify your "
    "code by moving both the view and the inplace either both inside the no_grad block (if you "
    "don't want the inplace to be tracked) or both outside (if you want the inplace to be tracked).")
NO_GRAD_VIEW_INPLACE = ("A view was created in no_grad mode and is being modified inplace with grad "
                        "mode enabled. " + NO_GRAD_VIEW_SUFFIX)
MULTI_VIEW_SUFFIX = ("This view is the output of a function that returns multiple views. Such "
                     "functions do not allow the output views to be modified inplace. You should "
                     "replace the inplace operation by an out-of-place one.")
INTERNAL_OVERLAP = ("unsupported operation: more than one element of the written-to tensor refers "
                    "to a single memory location. Please clone() the tensor before performing the "
                    "operation.")


def expanded_inplace_deprecated(op_name):
    """masked_fill_/index_fill_/index_put_ writing into an expanded tensor (torch warns)."""
    example = "tensor[indices] = tensor" if op_name == "index_put_" else "tensor[mask] = scalar"
    return (f"Use of {op_name} on expanded tensors is deprecated. Please clone() the tensor before "
            f"performing this operation. This also applies to advanced indexing e.g. {example}")


def multi_view_inplace(nr, name):
    return f"Output {nr} of {name} is a view and is being modified inplace. {MULTI_VIEW_SUFFIX}"


CREATE_GRAPH_CYCLE = (
    "Using backward() with create_graph=True will create a reference cycle between the parameter "
    "and its gradient which can cause a memory leak. We recommend using autograd.grad when "
    "creating the graph to avoid this. If you have to use this function, make sure to reset the "
    ".grad fields of your parameters to None after use to break the cycle and avoid the leak.")


def no_grad_element(i):
    return f"element {i} of tensors does not require grad and does not have a grad_fn"


def unused_input(i):
    return (f"The differentiated Tensor at index {i} appears to not have been used in the graph. "
            "Set allow_unused=True if this is the desired behavior.")


def grad_shape_mismatch(i, grad_shape, out_shape):
    return (f"Mismatch in shape: grad_output[{i}] has a shape of {grad_shape} and output[{i}] "
            f"has a shape of {out_shape}.")


def version_mismatch(desc, current, expected):
    return ("one of the variables needed for gradient computation has been modified by an "
            f"inplace operation: {desc} is at version {current}; expected version {expected} "
            f"instead. {ANOMALY_HINT}")


# --- tensor core ------------------------------------------------------------------

BOOL_SUB = ("Subtraction, the `-` operator, with two bool tensors is not supported. "
            "Use the `^` or `logical_xor()` operator instead.")
BOOL_SUB_ONE = ("Subtraction, the `-` operator, with a bool tensor is not supported. "
                "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
BOOL_NEG = ("Negation, the `-` operator, on a bool tensor is not supported. "
            "If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
VIEW_STRIDE = ("view size is not compatible with input tensor's size and stride (at least one "
               "dimension spans across two contiguous subspaces). Use .reshape(...) instead.")


def broadcast_mismatch(a, b, dim):
    return (f"The size of tensor a ({a}) must match the size of tensor b ({b}) "
            f"at non-singleton dimension {dim}")


def dim_out_of_range(dim, ndim):
    lo, hi = (-ndim, ndim - 1) if ndim > 0 else (-1, 0)
    return f"Dimension out of range (expected to be in range of [{lo}, {hi}], but got {dim})"


def cant_cast(result_name, out_name):
    return f"result type {result_name} can't be cast to the desired output type {out_name}"


def item_many(n):
    return f"a Tensor with {n} elements cannot be converted to Scalar"


def invalid_shape(shape, numel):
    return f"shape '[{', '.join(str(s) for s in shape)}]' is invalid for input of size {numel}"


def invalid_arguments(fn, args, overloads, accepts):
    """torch's argument-parser error: "fn() received an invalid combination of arguments".

    ``overloads`` are (signature text, (kind, ...)) pairs; ``accepts(kind, value)`` says
    whether a value fits a parameter kind.  Overloads of the right arity list the
    arguments that did not fit, marked !like this!, as torch does.
    """
    got = ", ".join(type(a).__name__ if type(a).__name__ != "Tensor" else "Tensor" for a in args)
    lines = [f"{fn}() received an invalid combination of arguments - got ({got}), but expected "
             "one of:"]
    for sig, kinds in overloads:
        lines.append(f" * {sig}")
        if len(kinds) == len(args):
            # torch's description of the mismatch marks a Number argument even where it fits
            marked = ", ".join(type(a).__name__ if k != "Number" and accepts(k, a)
                               else f"!{type(a).__name__}!" for k, a in zip(kinds, args))
            lines.append(f"      didn't match because some of the arguments have invalid types: "
                         f"({marked})")
    return TypeError("\n".join(lines) + "\n")


def warn(message, category=UserWarning, stacklevel=2):
    """Issue a warning attributed to the user's line.

    ``stacklevel`` counts from the caller of ``warn``; library frames in
    between are skipped so the warning lands on the first frame outside
    torchlite, as torch's warnings land on the user's line.
    """
    warnings.warn(message, category, stacklevel=_user_stacklevel())


_warned_once = set()


def first_time(message):
    """True the first time a once-per-process message is seen."""
    if message in _warned_once:
        return False
    _warned_once.add(message)
    return True


def warn_once(message, category=UserWarning):
    """A warning torch gives once per process (TORCH_WARN_ONCE), wherever it comes from."""
    if first_time(message):
        warnings.warn(message, category, stacklevel=_user_stacklevel())


def _user_stacklevel():
    import sys
    frame = sys._getframe(2)
    level = 2
    while frame is not None and _is_library_file(frame.f_code.co_filename):
        frame = frame.f_back
        level += 1
    return level


def _is_library_file(filename, _root=__file__.rsplit("/", 1)[0]):
    return filename.startswith(_root)

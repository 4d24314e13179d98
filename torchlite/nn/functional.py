"""torch.nn.functional: activations and losses written from torchlite ops."""

from .._ops.pointwise import relu, sigmoid, tanh  # noqa: F401
from .._ops.reduction import softmax, log_softmax  # noqa: F401
from .._ops.linalg import matmul


def linear(input, weight, bias=None):
    out = matmul(input, weight.t())
    return out if bias is None else out + bias


def mse_loss(input, target, reduction="mean"):
    d = (input - target) ** 2
    if reduction == "mean":
        return d.mean()
    if reduction == "sum":
        return d.sum()
    return d


def nll_loss(input, target, reduction="mean"):
    picked = -input.gather(1, target.unsqueeze(1)).squeeze(1)
    if reduction == "mean":
        return picked.mean()
    if reduction == "sum":
        return picked.sum()
    return picked


def cross_entropy(input, target, reduction="mean"):
    return nll_loss(log_softmax(input, 1), target, reduction)

# Warnings: warnings recorded inside the script with catch_warnings: category and text
# of var/std with no degrees of freedom, backward(create_graph=True), detect_anomaly.
import warnings
import torch


def record(label, fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = fn()
    print(label, len(caught), result)
    for w in caught:
        print("  ", w.category.__name__, str(w.message).split(" (Triggered internally")[0])


record("var of one element", lambda: torch.tensor([2.0]).var())
record("std of one element", lambda: torch.tensor([2.0]).std())
record("var over a dim of size 1", lambda: torch.ones(3, 1).var(1))
record("var unbiased=False", lambda: torch.tensor([2.0]).var(unbiased=False))
x = torch.tensor([1.0, 2.0], requires_grad=True)
record("create_graph backward", lambda: (x ** 3).sum().backward(create_graph=True))
print(x.grad)
x.grad = None
record("autograd.grad create_graph", lambda: torch.autograd.grad((x ** 3).sum(), x, create_graph=True))


def inside_detect_anomaly():
    with torch.autograd.detect_anomaly():
        return torch.is_anomaly_enabled()


record("detect_anomaly", inside_detect_anomaly)
print(torch.is_anomaly_enabled())
record("set_detect_anomaly", lambda: torch.autograd.set_detect_anomaly(True) is not None)
print(torch.is_anomaly_enabled())
torch.autograd.set_detect_anomaly(False)
print(torch.is_anomaly_enabled())
record("non-leaf grad twice", lambda: [(x * 2).grad, (x * 2).grad])

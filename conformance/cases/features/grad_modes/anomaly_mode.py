# Grad modes: anomaly detection: set_detect_anomaly (function and context manager),
# detect_anomaly(check_nan=...), is_anomaly_enabled, and the NaN error raised in backward.
# The forward-traceback warning anomaly mode emits is recorded and only its first line printed.
import warnings
import torch

print(torch.is_anomaly_enabled())
with torch.autograd.set_detect_anomaly(True):
    print(torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
print(torch.is_anomaly_enabled())
x = torch.tensor([0.0, 1.0], requires_grad=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with torch.autograd.detect_anomaly():
        y = (x / x).sum()
        try:
            y.backward()
        except RuntimeError as e:
            print(type(e).__name__, e)
for w in caught:
    print(w.category.__name__, str(w.message).splitlines()[0])
print(x.grad)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with torch.autograd.detect_anomaly(check_nan=False):
        print(torch.is_anomaly_check_nan_enabled())
        z = (x / x).sum()
        z.backward()
print(x.grad, [w.category.__name__ for w in caught])
x.grad = None
(x / x).sum().backward()
print(x.grad, torch.is_anomaly_enabled())

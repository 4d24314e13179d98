# Printing: format()/f-strings of 0-dim tensors use the Python number's formatting;
# tensors with dimensions accept only the empty spec; str() and repr() differ from format.
import torch

t = torch.tensor(3.14159)
for spec in ['', '.2f', '8.3f', 'e', '.3e', 'g', '>20', '+.1f', '%']:
    print(repr(spec), repr(format(t, spec)))

i = torch.tensor(42)
for spec in ['', 'd', '05d', 'x', '.2f', 'b']:
    print(repr(spec), repr(format(i, spec)))

b = torch.tensor(True)
print(repr(format(b, '')), repr(format(b, 'd')))

v = torch.tensor([1.0, 2.0])
print(repr(format(v, '')))
try:
    format(v, '.2f')
except Exception as e:
    print(type(e).__name__, e)

r = torch.tensor(2.5, requires_grad=True)
print(f"{r}", f"{r:.3f}", f"{r * 2:.1f}", f"{r!r}", f"{r!s}")
print(f"{torch.tensor(2.5, dtype=torch.float64):.3f}", f"{torch.tensor(2.5, dtype=torch.float16):.3f}")
print(format(torch.tensor(1e-10), '.3g'))
print(f"loss={torch.tensor(0.123456):.4f} step={torch.tensor(7)}")
print("%s | %r" % (torch.tensor(1.5), torch.tensor(1.5)))
print(str(torch.tensor(0.1)), repr(torch.tensor(0.1, dtype=torch.float64)))
print("{:.2f} {}".format(torch.tensor(1 / 3), torch.tensor([1 / 3])))

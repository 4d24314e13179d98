# Printing: torch.set_printoptions with precision, threshold, edgeitems, linewidth,
# sci_mode and the 'short'/'full'/'default' profiles, restoring defaults in between.
import torch

x = torch.tensor([3.14159265, 2.71828183, 1e-3])
big = torch.arange(20.0)

torch.set_printoptions(precision=2)
print(x)
torch.set_printoptions(precision=8)
print(x)
print(torch.tensor([1.0, 2.0]))
torch.set_printoptions(precision=4)

torch.set_printoptions(threshold=10)
print(big)
torch.set_printoptions(edgeitems=2)
print(big)
print(torch.arange(144).reshape(12, 12))
torch.set_printoptions(threshold=1000, edgeitems=3)

torch.set_printoptions(linewidth=40)
print(big)
torch.set_printoptions(linewidth=80)

torch.set_printoptions(sci_mode=True)
print(x)
print(torch.tensor([1.0, 2.0]))
torch.set_printoptions(sci_mode=False)
print(torch.tensor([1e-8, 1e8]))
torch.set_printoptions(sci_mode=None)
print(torch.tensor([1e-8, 1e8]))

torch.set_printoptions(profile="short")
print(x)
print(torch.arange(1200.0))
torch.set_printoptions(profile="full")
s = str(torch.arange(1200))
print(len(s), s.count("..."), s.splitlines()[-1])
torch.set_printoptions(profile="default")
print(x)
print(torch.arange(1200))

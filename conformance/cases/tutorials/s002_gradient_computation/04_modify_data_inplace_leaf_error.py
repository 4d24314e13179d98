# Source: seeds/002_18d2cb766a0b873f.txt, snippet 4 of 6 (seed lines 54-56, the commented-out error example "x *= 100  # RuntimeError: a leaf Variable ...")
# Changes: added `import torch`; uncommented the three lines the tutorial shows as an error example,
#   so the RuntimeError they raise is compared (left uncaught). 04_modify_data.py keeps the snippet as
#   written. (The tutorial's comment quotes an older wording of the message; the case is compared
#   against current torch.)
import torch

x = torch.ones(1, requires_grad=True)
y = 2 * x
x *= 100  # RuntimeError: a leaf Variable that requires grad has been used in an in-place operation.

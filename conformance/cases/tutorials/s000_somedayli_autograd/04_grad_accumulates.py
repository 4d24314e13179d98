# Source: seeds/000_1e063e8cf6068f76.txt, snippet 4 of 4 (seed lines 69-75, "out2 = x.sum(); out2.backward() ... x.grad.data.zero_()")
# Changes: repeated the setup of snippets 1 and 3 (their statements without their prints) so the case
#   runs alone; x.grad already holds the gradient of out.backward() from snippet 3, which is what the
#   tutorial means by "grad是累加的".
import torch

# --- setup repeated from snippet 1 (seed lines 9-23) and snippet 3 (seed line 40) ---
x = torch.ones(2, 2, requires_grad=True)
y = x+2
z = y*y*2
out = z.mean()
out.backward()
# --- end of setup ---

out2 = x.sum()
out2.backward()
print(x.grad)
out3 = x.sum()
x.grad.data.zero_()
out3.backward()
print(x.grad)

# Source: seeds/000_1e063e8cf6068f76.txt, snippet 3 of 4 (seed lines 39-41, "out.backward(); print(x.grad)")
# Changes: repeated the setup of snippet 1 (its statements without its prints) so the case runs alone;
#   repaired the comment of seed line 39, where the blog export had replaced "一" and "用" by "?".
import torch

# --- setup repeated from snippet 1 (seed lines 9-23) ---
x = torch.ones(2, 2, requires_grad=True)
y = x+2
z = y*y*2
out = z.mean()
# --- end of setup ---

# 因为 out 是一个标量,所以调用 backward() 时不需要指定求导变量:
out.backward()
print(x.grad)

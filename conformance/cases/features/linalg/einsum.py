# Linalg: torch.einsum for common patterns: matmul, batch matmul, transpose, trace,
# diagonal, sums, outer and inner products, ellipsis, operands given as a list.
import torch

a = torch.arange(6.0).reshape(2, 3)
b = torch.arange(12.0).reshape(3, 4)
s = torch.arange(9.0).reshape(3, 3)
v = torch.tensor([1.0, 2.0, 3.0])
print(torch.einsum('ij,jk->ik', a, b))
print(torch.einsum('ij->ji', a), torch.einsum('ij->', a), torch.einsum('ij->j', a), torch.einsum('ij->i', a))
print(torch.einsum('ii->i', s), torch.einsum('ii', s), torch.einsum('ii->', s))
print(torch.einsum('i,i->', v, v), torch.einsum('i,i', v, v), torch.einsum('i,j->ij', v, v[:2]))
print(torch.einsum('ij,j->i', a, v), torch.einsum('ij,ij->ij', a, a), torch.einsum('ij,ij->', a, a))
x = torch.arange(24.0).reshape(2, 3, 4)
y = torch.arange(16.0).reshape(2, 4, 2)
print(torch.einsum('bij,bjk->bik', x, y))
print(torch.einsum('...ij->...ji', x).shape, torch.einsum('b...->b', x), torch.einsum('bij->jb', x).shape)
print(torch.einsum('ij,kj->ik', [a, a]), torch.einsum('i j , j k -> i k', a, b).shape)
print(torch.einsum('ij', a).equal(a), torch.einsum('ji', a).shape, torch.einsum('bi,bi->b', a, a))
print(torch.einsum('ij,jk,kl->il', a, b, torch.ones(4, 2)))
print(torch.einsum('i,i->i', torch.tensor([1, 2]), torch.tensor([3, 4])))

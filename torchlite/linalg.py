"""torch.linalg: the vector norms and cross product."""

from ._ops.linalg import linalg_cross as cross, linalg_vector_norm as vector_norm  # noqa: F401
from ._ops.linalg import linalg_norm as norm, matmul  # noqa: F401

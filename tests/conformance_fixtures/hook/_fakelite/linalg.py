from ._C import _LinAlgError


def inv(x):
    raise _LinAlgError("fake: the matrix is singular")

class _LinAlgError(RuntimeError):
    pass

"""torch.return_types: the named tuples some reductions return (values, indices)."""

from __future__ import annotations


def _make(name, fields=("values", "indices")):
    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != len(fields):
            raise TypeError(f"torch.return_types.{name} takes a {len(fields)}-sequence "
                            f"({len(seq)}-sequence given)")
        return tuple.__new__(cls, seq)

    def __repr__(self):
        body = ",\n".join(f"{f}={v!r}" for f, v in zip(fields, self))
        return f"torch.return_types.{name}(\n{body})"

    def __getattr__(self, attr):  # torch's structseq names its type in full
        raise AttributeError(f"'torch.return_types.{name}' object has no attribute '{attr}'")

    ns = {"__slots__": (), "__new__": __new__, "__repr__": __repr__, "__str__": __repr__,
          "__getattr__": __getattr__,
          "n_fields": len(fields), "n_sequence_fields": len(fields),
          "n_unnamed_fields": 0, "__module__": "torch.return_types",
          "__reduce__": lambda self: (type(self), (tuple(self),))}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i))
    cls = type(name, (tuple,), ns)
    cls.__qualname__ = name
    return cls


max = _make("max")  # noqa: A001 - torch's names
min = _make("min")  # noqa: A001
sort = _make("sort")
topk = _make("topk")
median = _make("median")
nanmedian = _make("nanmedian")
kthvalue = _make("kthvalue")
mode = _make("mode")
cummax = _make("cummax")
cummin = _make("cummin")
aminmax = _make("aminmax", ("min", "max"))
# what the out= forms return
max_out = _make("max_out")
min_out = _make("min_out")
sort_out = _make("sort_out")

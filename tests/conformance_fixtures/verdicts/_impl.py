"""Which implementation answers `import torch` in this run, found without importing torch
(importing real torch costs a second or two per run; these fixtures do not need it)."""
import importlib.util
import os

_spec = importlib.util.find_spec("torch")
IMPL = "torch" if os.path.basename(os.path.dirname(_spec.origin or "")) == "torch" else "torchlite"
LITE = IMPL == "torchlite"

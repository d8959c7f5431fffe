"""migrate: a gradual sync-to-async migration toolkit for Python.

The data flows one way: read -> analyse -> plan -> rewrite -> verify. Each
stage is a sub-package; the command line (``migrate plan``, ``migrate apply``,
``migrate compare``) strings them together.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]

"""MIG005 gather: independent awaits run together (``asyncio.gather``).

Filled in by the concurrency work; until then it changes nothing.
"""

from __future__ import annotations

from .base import Rule


class Gather(Rule):
    code = "MIG005"
    name = "gather"
    summary = "independent sequential awaits -> asyncio.gather, bounded for user-sized fan-outs"

"""Stage 3, plan: a plain object saying what will change, in what order, and why.

The CLI prints it (``migrate plan``) or dumps it as JSON (``--json``, schema
in docs/plan-schema.md); ``migrate apply`` carries it out.
"""

from .build import build_plan
from .model import Plan

__all__ = ["Plan", "build_plan"]

"""Stage 3, plan: a plain object saying what will change, in what order, and why.

The CLI prints it (``migrate plan``) or dumps it as JSON (``--json``, schema
in docs/plan-schema.md); ``migrate apply`` carries it out.
"""

from .build import build_plan, plan_options
from .model import Plan, PlanError

__all__ = ["Plan", "PlanError", "build_plan", "plan_options"]

"""A small shop package: the call chain crosses modules (re-export, relative, absolute)."""
# checks: BRIDGE OFFLOAD SPOT REVIEW BOUNDARY

from .client import fetch_product

__all__ = ["fetch_product"]

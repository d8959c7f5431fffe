"""Warehouse -> shop stock synchronisation."""

from .sync import ShopError, StockLevel, fetch_levels, push_level, sync_all

__all__ = ["ShopError", "StockLevel", "fetch_levels", "push_level", "sync_all"]

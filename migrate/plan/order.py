"""Dependency order: what others need goes first."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T", bound=Hashable)


def leaves_first(needs: dict[T, set[T]], key: Callable[[T], Any]) -> list[T]:
    """Each item after the items it needs; ties in ``key`` order.

    A cycle (mutual recursion) cannot be ordered: its first item by ``key``
    goes first and the rest follow.
    """
    done: set[T] = set()
    order: list[T] = []
    pending = sorted(needs, key=key)
    while pending:
        ready = [item for item in pending if needs[item] <= done] or pending[:1]
        for item in ready:
            done.add(item)
            order.append(item)
        pending = [item for item in pending if item not in done]
    return order

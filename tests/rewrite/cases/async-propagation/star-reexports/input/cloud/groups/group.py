from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cloud.client import Client

__all__ = ["Group"]


class Group:
    def __init__(self, client: Client):
        self.client = client

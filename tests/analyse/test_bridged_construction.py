"""What an earlier run wrote is read back with its types: ``async_to_sync(C.create)()``
makes a C (migrate/analyse/frameworks.py, unbridged), and so does an async factory's
``self = cls.__new__(cls)`` (names.py, _returned_type). Without them a test kept sync
by a lambda lost the type of its object on the second run, and was migrated then."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CODE = """
    import httpx
    from asgiref.sync import async_to_sync


    class Api:
        @classmethod
        async def create(cls, base):
            self = cls.__new__(cls)
            await self._async_init(base)
            return self

        async def _async_init(self, base):
            self.base = base

        async def me(self):
            async with httpx.AsyncClient() as client:
                return (await client.get(f"{self.base}/me", timeout=5)).json()


    def check():
        api = async_to_sync(Api.create)("https://api.example.com")
        return async_to_sync(api.me)()
"""


def test_an_object_made_through_a_bridged_factory_keeps_its_type(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(textwrap.dedent(CODE))
    graph = analyse_paths([tmp_path], jobs=1).graph
    refs = {graph.resolve(ref.target) for ref in graph.functions["app.check"].refs}
    assert "app.Api.me" in refs, refs

"""Where the migrated code writes its files (``case:bridges/file-written-in-a-block``).

The case's driver compares what the two versions write, which they would
agree on as well if the writes blocked the event loop. Here the migrated
functions run on a loop with ``open`` tracked: every write and close must be
made off the loop's thread, and what is written must be what the upstream
sent.
"""

from __future__ import annotations

import asyncio
import builtins
import importlib.util
import io
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import respx

CASE = Path(__file__).parent / "cases" / "bridges" / "file-written-in-a-block" / "expected"


class Tracked:
    """A file whose writes and close note the thread they are made on."""

    def __init__(self, file: Any, threads: list[int]) -> None:
        self._file, self._threads = file, threads

    def write(self, data: Any) -> int:
        self._threads.append(threading.get_ident())
        return int(self._file.write(data))

    def close(self) -> None:
        self._threads.append(threading.get_ident())
        self._file.close()

    def __enter__(self) -> Tracked:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[ModuleType, list[int]]]:
    threads: list[int] = []
    real_open = builtins.open

    def tracked_open(*args: Any, **kwargs: Any) -> Tracked:
        return Tracked(real_open(*args, **kwargs), threads)

    monkeypatch.setattr(builtins, "open", tracked_open)
    monkeypatch.setattr(io, "open", tracked_open)
    monkeypatch.syspath_prepend(str(CASE))
    sys.modules.pop("_async_helpers", None)  # another case's, imported by another test
    spec = importlib.util.spec_from_file_location("file_blocks_store", CASE / "store.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module, threads
    sys.modules.pop("_async_helpers", None)


def test_a_block_of_writes_runs_off_the_loop(
    store: tuple[ModuleType, list[int]], tmp_path: Path
) -> None:
    module, threads = store
    with respx.mock:
        respx.get("https://files.example.com/reports/r1").mock(
            return_value=httpx.Response(200, json={"total": 3})
        )
        respx.get("https://files.example.com/reports/r2").mock(
            return_value=httpx.Response(200, json={"total": 5})
        )
        report = asyncio.run(module.save_report(str(tmp_path), "r1"))
        index = asyncio.run(module.save_index(str(tmp_path), ["r1", "r2"]))
    used = list(threads)  # before this test reads the files back (through open too)
    assert json.loads(Path(report).read_bytes()) == {"total": 3}
    assert json.loads(Path(index).read_text()) == {"r1": {"total": 3}, "r2": {"total": 5}}
    assert used, "nothing was written through open()"
    assert threading.get_ident() not in used

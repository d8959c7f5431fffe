"""The generated helpers module (migrate/rewrite/helpers.py): what it holds, where
it lives, how the migrated modules import it, and that a user's file of the
same name is never taken for it."""

from __future__ import annotations

import asyncio
import itertools
import shutil
import subprocess
import sys
import threading
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import libcst as cst
import pytest
from hypothesis import given
from hypothesis import strategies as st

from migrate.rewrite.helpers import (
    HELPERS,
    MARKER,
    defined_helpers,
    helpers_home,
    name_order,
    prefers_relative,
    render,
    with_needs,
)
from migrate.rewrite.imports import add_imports, with_script_fallback

RUFF = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
# Each helper alone, each pair, all but one, all: every pair of neighbours and
# every gap a module can have.
SUBSETS = [
    set(combo)
    for size in (1, 2, len(HELPERS) - 1, len(HELPERS))
    for combo in itertools.combinations(HELPERS, size)
]


def test_name_order_is_constants_then_classes_then_functions() -> None:
    names = ["gather_in_order", "TLS_CONTEXT", "AsyncClientPerLoop", "async_memo", "X", "Any"]
    assert sorted(names, key=name_order) == [
        "TLS_CONTEXT",
        "Any",
        "AsyncClientPerLoop",
        "X",
        "async_memo",
        "gather_in_order",
    ]


@pytest.mark.parametrize("names", SUBSETS, ids=["+".join(sorted(s)) for s in SUBSETS])
def test_a_rendered_module_defines_exactly_what_was_asked(names: set[str]) -> None:
    source = render(names)
    assert defined_helpers(source) == with_needs(names)
    # Asked in another order, or twice: the same bytes (gradual steps end alike).
    assert render(sorted(names, reverse=True) * 2) == source


def test_the_full_module_is_clean_for_ruff_and_already_formatted(tmp_path: Path) -> None:
    path = tmp_path / "_async_helpers.py"
    path.write_bytes(render(HELPERS))
    for command in (["check", "--isolated", "--select", "E,F,I,UP,B"], ["format", "--check"]):
        result = subprocess.run([RUFF, *command, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_render_for_another_http_module() -> None:
    source = render({"TLS_CONTEXT", "AsyncClientPerLoop"}, http="httpx2").decode()
    assert "import httpx2\n" in source
    assert "TLS_CONTEXT = httpx2.create_ssl_context()" in source
    assert "httpx." not in source.replace("httpx2.", "")


def test_a_module_that_is_not_ours_is_never_taken_for_it() -> None:
    ours = render({"TLS_CONTEXT"})
    assert defined_helpers(b"x = 1\n") is None
    assert defined_helpers(b'"""Helpers of my own."""\nTLS_CONTEXT = 1\n') is None
    assert defined_helpers(ours + b"\n\ndef mine():\n    pass\n") is None
    assert defined_helpers(ours + b"\n\nprint('side effect')\n") is None
    assert defined_helpers(ours + b"\n\nmine = 1\n") is None
    assert defined_helpers(b"def broken(:\n") is None
    assert defined_helpers(f'"""Not first.\n\n{MARKER}\n"""\n'.encode()) is None
    assert defined_helpers(f'"""{MARKER}\n"""\n'.encode()) == set()


def package(tmp_path: Path, *folders: str) -> None:
    for folder in folders:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "__init__.py").write_text("")


def test_in_a_package_the_helpers_live_in_the_top_package(tmp_path: Path) -> None:
    package(tmp_path, "app", "app/api", "app/api/v1")
    path = tmp_path / "app/api/v1/users.py"
    home = helpers_home(path, "app.api.v1.users", "_async_helpers", relative=True)
    assert home.path == tmp_path / "app/_async_helpers.py"
    assert home.module == "app._async_helpers"
    assert home.import_from == "..._async_helpers"
    home = helpers_home(path, "app.api.v1.users", "_async_helpers", relative=False)
    assert home.import_from == "app._async_helpers"
    top = helpers_home(tmp_path / "app/views.py", "app.views", "_helpers", relative=True)
    assert (top.path, top.import_from) == (tmp_path / "app/_helpers.py", "._helpers")


def test_loose_modules_share_one_in_their_folder(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    home = helpers_home(tmp_path / "scripts/fetch.py", "fetch", "_async_helpers", relative=True)
    assert home.path == tmp_path / "scripts/_async_helpers.py"
    assert (home.module, home.import_from) == ("_async_helpers", "_async_helpers")


def test_a_namespace_package_module_imports_through_its_package(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    path = tmp_path / "scripts/release.py"
    home = helpers_home(path, "scripts.release", "_async_helpers", relative=True)
    assert home.path == tmp_path / "scripts/_async_helpers.py"
    assert (home.module, home.import_from) == ("scripts._async_helpers", "._async_helpers")
    assert home.script_from == "_async_helpers"
    home = helpers_home(path, "scripts.release", "_async_helpers", relative=False)
    assert (home.import_from, home.script_from) == ("scripts._async_helpers", "_async_helpers")
    # pytest imports a test module of a folder with no __init__.py by its bare name.
    test = helpers_home(tmp_path / "scripts/test_release.py", "scripts.test_release", "_h", True)
    assert (test.import_from, test.script_from) == ("_h", None)


def test_a_script_extends_its_import_pair_on_a_later_run() -> None:
    first = cst.parse_module("import httpx\n\nfrom ._h import TLS_CONTEXT\n\nx = 1\n")
    once = with_script_fallback(first, "._h", "_h")
    assert once.code == (
        "import httpx\n\n"
        "if __package__:\n    from ._h import TLS_CONTEXT\n"
        "else:  # run from its own folder (a script): the folder is on sys.path\n"
        "    from _h import TLS_CONTEXT\n"
        "\nx = 1\n"
    )
    assert with_script_fallback(once, "._h", "_h").code == once.code
    later = add_imports(once, {("._h", "gather_in_order", None)})
    twice = with_script_fallback(later, "._h", "_h")
    assert "from ._h import" not in twice.code.split("if __package__")[0]
    assert "    from ._h import TLS_CONTEXT, gather_in_order\n" in twice.code
    assert "    from _h import TLS_CONTEXT, gather_in_order\n" in twice.code


def test_prefers_relative_counts_both_kinds() -> None:
    relative = "from . import models\nfrom .views import index\n"
    absolute = "from app import models\nimport app.views\n"
    assert prefers_relative([relative], "app")
    assert not prefers_relative([absolute, "from .x import y\n"], "app")
    assert prefers_relative([absolute, relative], "app")
    assert prefers_relative([], "app")
    # Another package whose name starts the same is not one of ours.
    assert prefers_relative(["from application import x\nfrom apps import y\n"], "app")


def _helpers(names: set[str]) -> dict[str, object]:
    namespace: dict[str, object] = {}
    exec(compile(render(names), "_async_helpers.py", "exec"), namespace)
    return namespace


def test_httpx_kwargs_drops_what_the_client_does_anyway_and_refuses_the_rest() -> None:
    httpx_kwargs = _helpers({"httpx_kwargs"})["httpx_kwargs"]
    assert callable(httpx_kwargs)
    # A client library passing requests' defaults on every call (jenkinsapi).
    given = {"verify": True, "cert": None, "proxies": {}, "hooks": {"response": []}}
    assert httpx_kwargs({**given, "timeout": 5}) == {"timeout": 5}
    for changed in ({"verify": False}, {"verify": "ca.pem"}, {"cert": "c.pem"}):
        with pytest.raises(TypeError, match="client, not per request"):
            httpx_kwargs(changed)
    with pytest.raises(TypeError, match="proxies="):
        httpx_kwargs({"proxies": {"https": "http://proxy.test:3128"}})


class _Counted:
    """``n`` items, counting how many were read, sync or async."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.read = 0

    def __iter__(self) -> Iterator[int]:
        for i in range(self.n):
            self.read += 1
            yield i

    async def items(self) -> AsyncIterator[int]:
        for i in range(self.n):
            self.read += 1
            yield i


BOUND = st.one_of(st.none(), st.integers(0, 9))


@given(n=st.integers(0, 12), bounds=st.lists(BOUND, min_size=1, max_size=3))
def test_aislice_reads_what_islice_reads(n: int, bounds: list[int | None]) -> None:
    if len(bounds) == 3 and bounds[2] == 0:
        bounds[2] = None  # islice refuses a step of 0
    aislice = _helpers({"aislice"})["aislice"]
    legacy, moved = _Counted(n), _Counted(n)
    expected = list(itertools.islice(iter(legacy), *bounds))

    async def taken() -> list[int]:
        return [x async for x in aislice(moved.items(), *bounds)]  # type: ignore[operator]

    assert (asyncio.run(taken()), moved.read) == (expected, legacy.read)


@given(sizes=st.lists(st.integers(0, 5), min_size=1, max_size=3), start=st.integers(-2, 2))
def test_azip_and_aenumerate_read_what_zip_and_enumerate_read(sizes: list[int], start: int) -> None:
    helpers = _helpers({"azip", "aenumerate"})
    legacy = [_Counted(n) for n in sizes]
    moved = [_Counted(n) for n in sizes]
    zipped = list(zip(*map(iter, legacy), strict=False))
    numbered = list(enumerate(iter(_Counted(sizes[0])), start))

    async def taken() -> tuple[list[tuple[int, ...]], list[tuple[int, int]]]:
        azip, aenumerate = helpers["azip"], helpers["aenumerate"]
        rows = [row async for row in azip(*(m.items() for m in moved))]  # type: ignore[operator]
        pairs = [p async for p in aenumerate(_Counted(sizes[0]).items(), start)]  # type: ignore[operator]
        return rows, pairs

    assert asyncio.run(taken()) == (zipped, numbered)
    assert [m.read for m in moved] == [m.read for m in legacy]


@given(flags=st.lists(st.booleans(), max_size=6))
def test_aany_and_aall_stop_where_any_and_all_stop(flags: list[bool]) -> None:
    helpers = _helpers({"aany", "aall"})
    for name, builtin in (("aany", any), ("aall", all)):
        legacy, moved = _Counted(len(flags)), _Counted(len(flags))
        expected = builtin(flags[i] for i in legacy)

        async def taken(name: str, moved: _Counted) -> bool:
            return await helpers[name](flags[i] async for i in moved.items())  # type: ignore[operator]

        assert (asyncio.run(taken(name, moved)), moved.read) == (expected, legacy.read)


def test_a_body_generator_is_read_off_the_event_loop() -> None:
    requests_body = _helpers({"requests_body"})["requests_body"]
    threads: list[int] = []

    def lines() -> Iterator[str]:
        for line in ("a\n", "b\n"):
            threads.append(threading.get_ident())
            yield line

    async def sent() -> list[bytes]:
        body = requests_body(lines())["content"]  # type: ignore[operator]
        return [chunk async for chunk in body]

    assert asyncio.run(sent()) == [b"a\n", b"b\n"]
    assert threads and threading.get_ident() not in threads


def test_thread_items_makes_each_item_off_the_event_loop() -> None:
    thread_items = _helpers({"thread_items"})["thread_items"]
    threads: list[int] = []

    def lines() -> Iterator[str]:
        for line in ("a", "b", "c"):
            threads.append(threading.get_ident())
            yield line

    async def taken(**bridge: bool) -> list[str]:
        return [line async for line in thread_items(lines(), **bridge)]  # type: ignore[operator]

    assert asyncio.run(taken()) == ["a", "b", "c"]
    assert threads and threading.get_ident() not in threads
    threads.clear()
    # Thread-sensitive: every item on asgiref's one thread for such code.
    assert asyncio.run(taken(thread_sensitive=True)) == ["a", "b", "c"]
    assert len(set(threads)) == 1 and threading.get_ident() not in threads


@given(flags=st.lists(st.booleans(), max_size=6))
def test_atakewhile_adropwhile_afilter_read_what_the_builtins_read(flags: list[bool]) -> None:
    helpers = _helpers({"atakewhile", "adropwhile", "afilter"})
    for name, builtin in (
        ("atakewhile", itertools.takewhile),
        ("adropwhile", itertools.dropwhile),
        ("afilter", filter),
    ):
        legacy, moved = _Counted(len(flags)), _Counted(len(flags))
        expected = list(builtin(flags.__getitem__, iter(legacy)))

        async def taken(name: str, moved: _Counted) -> list[int]:
            items = helpers[name](flags.__getitem__, moved.items())  # type: ignore[operator]
            return [item async for item in items]

        assert (asyncio.run(taken(name, moved)), moved.read) == (expected, legacy.read)

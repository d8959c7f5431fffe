"""Nothing is written while a call to a function that became async is left bare."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migrate.analyse.project import Project
from migrate.cli import main
from migrate.read import sources
from migrate.verify.awaits import TreeFile, check_awaits

CLIENT = textwrap.dedent(
    """\
    import requests


    def fetch(url):
        return requests.get(url, timeout=5).json()
    """
)
VIEWS = textwrap.dedent(
    """\
    from shop.client import fetch


    def show(url):
        data = fetch(url)
        return data["name"]
    """
)


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def apply(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, ["apply", *map(str, args), "--jobs", "1", "--force"])
    assert "Traceback" not in result.output, result.output
    return result


def test_namespace_package_sibling_caller_is_awaited(tmp_path: Path) -> None:
    # shop/ has no __init__.py: a namespace package.
    write(tmp_path, "shop/client.py", CLIENT)
    views = write(tmp_path, "shop/views.py", VIEWS)
    result = apply(tmp_path)
    assert result.exit_code == 0, result.output
    assert "async def show(url):\n    data = await fetch(url)" in views.read_text()


def test_namespace_package_given_as_the_root(tmp_path: Path) -> None:
    write(tmp_path, "shop/client.py", CLIENT)
    views = write(tmp_path, "shop/views.py", VIEWS)
    result = apply(tmp_path / "shop")
    assert result.exit_code == 0, result.output
    assert "data = await fetch(url)" in views.read_text()


def test_src_layout_test_file_awaits(tmp_path: Path) -> None:
    write(tmp_path, "src/shop/__init__.py", "")
    write(tmp_path, "src/shop/client.py", CLIENT)
    write(tmp_path, "src/shop/views.py", VIEWS)
    test = write(
        tmp_path,
        "tests/test_views.py",
        "from shop.views import show\n\n\ndef test_show():\n    assert show('u') == 'x'\n",
    )
    result = apply(tmp_path)
    assert result.exit_code == 0, result.output
    assert "await show('u')" in test.read_text()


def test_several_roots(tmp_path: Path) -> None:
    write(tmp_path, "lib/shop/__init__.py", "")
    write(tmp_path, "lib/shop/client.py", CLIENT)
    views = write(tmp_path, "app/views.py", VIEWS)
    result = apply(tmp_path / "lib", tmp_path / "app")
    assert result.exit_code == 0, result.output
    assert "data = await fetch(url)" in views.read_text()


def test_a_caller_the_analysis_missed_blocks_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Take the analysis back to names without namespace packages: it no longer
    # sees the caller in views.py. The check must, and nothing may be written.
    monkeypatch.setattr(Project, "canonical", lambda self, module: module)
    monkeypatch.setattr(
        "migrate.analyse.project.read_source",
        lambda path, base: sources.read_source(path),
    )
    client = write(tmp_path, "shop/client.py", CLIENT)
    views = write(tmp_path, "shop/views.py", VIEWS)
    result = apply(tmp_path)
    assert result.exit_code == 1, result.output
    assert f"{views}:5: shop.client.fetch() is now async" in result.output
    assert "nothing written" in result.output
    assert client.read_text() == CLIENT and views.read_text() == VIEWS


# -- how a coroutine may be used -------------------------------------------------------

OLD = "def fetch(x):\n    return x\n\n\nclass Api:\n    def get(self):\n        return 1\n"
NEW = OLD.replace("def ", "async def ")


def check(tmp_path: Path, caller: str) -> list[int]:
    files = [
        TreeFile(tmp_path / "lib.py", OLD, NEW),
        TreeFile(tmp_path / "use.py", caller, None),
    ]
    return [p.line for p in check_awaits(files, [tmp_path])]


@pytest.mark.parametrize(
    "body",
    [
        "async def f():\n    return await fetch(1)\n",
        "async def f():\n    return await asyncio.gather(fetch(1), fetch(2))\n",
        "async def f(xs):\n    return await asyncio.gather(*(fetch(x) for x in xs))\n",
        "async def f(xs):\n    return await _gather_in_order(*[fetch(x) for x in xs], limit=3)\n",
        "async def f(xs):\n    tasks = []\n    for x in xs:\n        tasks.append(fetch(x))\n"
        "    return await asyncio.gather(*tasks)\n",
        "async def f():\n    coro = fetch(1)\n    return await coro\n",
        "async def f():\n    async with asyncio.TaskGroup() as tg:\n"
        "        tg.create_task(fetch(1))\n",
        "def f():\n    return fetch(1)\n",
        "def f():\n    asyncio.run(fetch(1))\n",
        "def f():\n    return async_to_sync(fetch)(1)\n",
        "async def f():\n    return (await Api().get(), await fetch(2))\n",
        "def f(c):\n    return asyncio.ensure_future(fetch(1) if c else Api().get())\n",
    ],
)
def test_awaited_gathered_bridged_or_returned(tmp_path: Path, body: str) -> None:
    assert check(tmp_path, f"import asyncio\nfrom lib import fetch, Api\n\n\n{body}") == []


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("def f():\n    fetch(1)\n", 6),
        ("async def f():\n    fetch(1)\n", 6),
        ("def f():\n    return fetch(1)['x']\n", 6),
        ("def f():\n    data = fetch(1)\n    return data['x']\n", 6),
        ("async def f():\n    return fetch(1)\n", 6),
        ("def f():\n    print(fetch(1))\n", 6),
        ("def f():\n    x = 1\n    if fetch(x):\n        return x\n", 7),
        ("def f():\n    return [r.id for r in fetch(1)]\n", 6),
        ("def f():\n    return Api().get()[0]\n", 6),
        ("def f(xs):\n    return sorted(xs, key=fetch)\n", 6),
        ("def f(c):\n    print(fetch(1) if c else 2)\n", 6),
    ],
)
def test_left_bare(tmp_path: Path, body: str, line: int) -> None:
    assert check(tmp_path, f"import asyncio\nfrom lib import fetch, Api\n\n\n{body}") == [line]


def test_methods_through_self_and_aliases(tmp_path: Path) -> None:
    files = [
        TreeFile(tmp_path / "pkg" / "lib.py", OLD, NEW),
        TreeFile(
            tmp_path / "pkg" / "api.py",
            "from .lib import Api\n\n\nclass Sub(Api):\n    def get(self):\n        return 2\n\n"
            "    def both(self):\n        return self.get()\n",
            None,
        ),
        # tests/ on sys.path: imported by its short name.
        TreeFile(tmp_path / "pkg" / "use.py", "import lib\n\n\ndef f():\n    lib.fetch(1)\n", None),
    ]
    found = check_awaits(files, [tmp_path])
    assert [(p.path.name, p.line) for p in found] == [("use.py", 5)]


def test_async_generators_are_used_without_await(tmp_path: Path) -> None:
    old = "def rows():\n    yield 1\n"
    new = "async def rows():\n    yield 1\n"
    files = [
        TreeFile(tmp_path / "lib.py", old, new),
        TreeFile(tmp_path / "use.py", "from lib import rows\n\n\ndef f():\n    rows()\n", None),
    ]
    assert check_awaits(files, [tmp_path]) == []

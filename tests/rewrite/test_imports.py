"""Import bookkeeping (migrate/rewrite/imports.py): where isort would put a new
import, and removing only what nothing uses any more."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from migrate.rewrite.imports import add_imports, after_imports, remove_unused


def add(source: str, *needed: tuple[str, str | None, str | None], first_party: str = "") -> str:
    module = cst.parse_module(textwrap.dedent(source).lstrip("\n"))
    parties = frozenset(first_party.split()) if first_party else frozenset()
    return add_imports(module, set(needed), parties).code


def remove(source: str, *candidates: tuple[str, str | None]) -> str:
    module = cst.parse_module(textwrap.dedent(source).lstrip("\n"))
    return remove_unused(module, set(candidates)).code


def lines(text: str) -> list[str]:
    return textwrap.dedent(text).lstrip("\n").splitlines()


def test_a_present_import_is_not_added_twice() -> None:
    source = "import asyncio\nfrom httpx import AsyncClient\n\nx = 1\n"
    assert add(source, ("asyncio", None, None), ("httpx", "AsyncClient", None)) == source


def test_a_name_the_mock_backport_gives_is_not_imported_again() -> None:
    # ``mock`` is unittest.mock for older Pythons: its MagicMock is the same.
    source = "from mock import MagicMock, patch\n\nx = MagicMock()\n"
    assert add(source, ("unittest.mock", "MagicMock", None)) == source


def test_a_file_on_the_mock_backport_takes_asyncmock_from_it() -> None:
    # The backport's MagicMock records no call of a stdlib AsyncMock child.
    source = "from mock import MagicMock\n\nx = MagicMock()\n"
    out = add(source, ("unittest.mock", "AsyncMock", None))
    assert out == "from mock import AsyncMock, MagicMock\n\nx = MagicMock()\n"


def test_an_aliased_import_does_not_count_as_present() -> None:
    out = add("import asyncio as aio\n", ("asyncio", None, None))
    assert sorted(out.splitlines()) == ["import asyncio", "import asyncio as aio"]


def test_a_name_joins_an_existing_from_import_in_order() -> None:
    out = add("from typing import Any, Optional\n", ("typing", "Callable", None))
    assert out == "from typing import Any, Callable, Optional\n"
    out = add("from typing import Any as A\n", ("typing", "Callable", None))
    assert out == "from typing import Any as A, Callable\n"


def test_a_new_import_goes_into_its_section_in_order() -> None:
    source = """
        import json
        import os

        import requests

        from app import models
    """
    assert add(source, ("asyncio", None, None), first_party="app").splitlines()[:3] == [
        "import asyncio",
        "import json",
        "import os",
    ]
    assert lines(add(source, ("httpx", None, None), first_party="app"))[3:6] == [
        "import httpx",
        "import requests",
        "",
    ]
    assert lines(add(source, ("sys", None, None), first_party="app"))[:4] == [
        "import json",
        "import os",
        "import sys",
        "",
    ]


def test_a_section_that_does_not_exist_yet_is_opened_with_a_blank_line() -> None:
    source = """
        import os

        from app import models

        x = 1
    """
    out = lines(add(source, ("httpx", None, None), first_party="app"))
    assert out[:6] == ["import os", "", "import httpx", "", "from app import models", ""]
    out = lines(add("import os\n\nx = 1\n", ("httpx", None, None)))
    assert out[:4] == ["import os", "", "import httpx", ""]


def test_future_imports_stay_first_and_relative_imports_last() -> None:
    source = "from __future__ import annotations\n\nimport os\n"
    out = lines(add(source, ("asyncio", None, None)))
    assert out == ["from __future__ import annotations", "", "import asyncio", "import os"]
    out = lines(add("import os\n\nfrom . import util\n", ("..helpers", "gather", None)))
    assert out[-2:] == ["from ..helpers import gather", "from . import util"]


def test_plain_imports_before_from_imports_in_a_section() -> None:
    out = lines(add("from os import path\n", ("sys", None, None)))
    assert out == ["import sys", "from os import path"]


def test_the_first_import_of_a_file_goes_after_its_docstring() -> None:
    out = add('"""Doc."""\nx = 1\n', ("asyncio", None, None))
    assert out.splitlines() == ['"""Doc."""', "", "import asyncio", "", "x = 1"]
    assert add("x = 1\n", ("httpx", "AsyncClient", "Client")).splitlines() == [
        "from httpx import AsyncClient as Client",
        "",
        "x = 1",
    ]


def test_the_first_import_of_a_file_is_parted_from_the_code_as_isort_would() -> None:
    # Two blank lines before a definition, one before other code, none added
    # where the code already has a blank line.
    assert add("@mark\ndef f():\n    pass\n", ("pytest", None, None)) == (
        "import pytest\n\n\n@mark\ndef f():\n    pass\n"
    )
    assert add("class C:\n    pass\n", ("abc", None, None)).startswith("import abc\n\n\nclass")
    assert add("# note\nx = 1\n", ("os", None, None)) == "# note\nimport os\n\nx = 1\n"
    assert add("\nx = 1\n", ("os", None, None)) == "import os\n\nx = 1\n"


def test_only_the_top_block_of_imports_counts() -> None:
    source = """
        import os

        x = 1

        import zlib
    """
    out = lines(add(source, ("sys", None, None)))
    assert out[:2] == ["import os", "import sys"]


@pytest.mark.parametrize(
    ("source", "index"),
    [
        ('"""Doc."""\nimport os\nfrom x import y\nz = 1\n', 3),
        ("import os\nz = 1\nimport sys\n", 1),
        ('"""Doc."""\nz = 1\n', 1),
        ("z = 1\n", 0),
    ],
)
def test_after_imports(source: str, index: int) -> None:
    assert after_imports(list(cst.parse_module(source).body)) == index


def test_remove_unused_drops_what_nothing_uses_and_keeps_the_rest() -> None:
    source = """
        import time
        import requests, json
        from time import sleep, monotonic as clock

        def f():
            return json.dumps(clock(), sleep=1)
    """
    out = remove(
        source, ("time", None), ("requests", None), ("time", "sleep"), ("time", "monotonic")
    )
    assert lines(out)[:3] == [
        "import json",
        "from time import monotonic as clock",
        "",
    ]


def test_an_attribute_uses_its_base_and_a_name_used_anywhere_is_kept() -> None:
    source = "import asyncio\nfrom os import sleep\n\nasyncio.sleep(1)\n"
    out = remove(source, ("asyncio", None), ("os", "sleep"))
    assert out == "import asyncio\n\nasyncio.sleep(1)\n"


def test_remove_unused_without_candidates_changes_nothing() -> None:
    source = "import unused\n"
    assert remove(source) == source


def test_a_removed_import_hands_its_blank_lines_on() -> None:
    source = """
        import os

        import requests

        x = 1
    """
    assert remove(source, ("requests", None)) == "import os\n\nx = 1\n"
    assert remove("import requests\n\nimport os\n", ("requests", None)) == "import os\n"


def test_imports_removed_at_the_top_leave_no_blank_line_opening_the_file() -> None:
    source = "import time\n\nimport requests\n\nimport os\n\nos.getpid()\n"
    out = remove(source, ("time", None), ("requests", None))
    assert out == "import os\n\nos.getpid()\n"
    # In the middle of the file, the run's first blank line stays.
    source = "import os\nimport time\n\nimport requests\nimport json\n\nos, json\n"
    assert remove(source, ("time", None), ("requests", None)) == (
        "import os\n\nimport json\n\nos, json\n"
    )


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        pytest.param(
            "import urllib.error\nimport urllib.request\n\nurllib.request.urlopen(u)\n",
            ["import urllib.request"],
            id="a-sibling-submodule-is-no-use",
        ),
        pytest.param(
            "import urllib.error\nimport urllib.request\n\nurllib.error.URLError\n",
            ["import urllib.error"],
            id="the-other-way-round",
        ),
        pytest.param(
            "import urllib.error\nimport urllib.request\n\nx = 1\n",
            [],
            id="neither",
        ),
        pytest.param(
            "import urllib.error\n\nurllib.parse.quote(u)\n",
            ["import urllib.error"],
            id="the-head-reaches-what-no-other-import-brings",
        ),
        pytest.param(
            "import urllib.error\nimport urllib.request\n\nprint(urllib)\n",
            ["import urllib.error", "import urllib.request"],
            id="the-head-used-on-its-own",
        ),
    ],
)
def test_a_dotted_import_goes_when_no_chain_reads_it(source: str, kept: list[str]) -> None:
    out = remove(source, ("urllib.error", None), ("urllib.request", None))
    assert [line for line in out.splitlines() if line.startswith("import")] == kept


def test_a_from_import_grown_past_the_line_length_takes_one_name_a_line() -> None:
    source = "from helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order, httpx_kwargs\n"
    assert add(source, ("helpers", "query_params", None)) == (
        "from helpers import (\n"
        "    TLS_CONTEXT,\n"
        "    AsyncClientPerLoop,\n"
        "    gather_in_order,\n"
        "    httpx_kwargs,\n"
        "    query_params,\n"
        ")\n"
    )
    assert add("from a import b as c\n", ("a", "d", None)) == "from a import b as c, d\n"


def test_an_import_another_module_imports_from_this_one_stays() -> None:
    source = "from urllib import request as http\nimport json\n\nx = json.dumps(1)\n"
    module = cst.parse_module(source)
    kept = remove_unused(module, {("urllib", "request")}, keep={"http"}).code
    assert kept == source
    assert remove_unused(module, {("urllib", "request")}).code.startswith("import json")


def test_a_binding_goes_whatever_module_it_is_from_when_unused() -> None:
    source = "from app.verify import Verifier, http\n\nVerifier()\n"
    out = remove_unused(cst.parse_module(source), set(), {"http"}).code
    assert out == "from app.verify import Verifier\n\nVerifier()\n"
    used = "from app.verify import http\n\nhttp.urlopen\n"
    assert remove_unused(cst.parse_module(used), set(), {"http"}).code == used


def test_the_imports_end_after_module_dunders_set_above_them() -> None:
    """``__author__ = ...`` above the imports: what goes after the imports (a bridge
    alias) goes after the last of them, not above the dunder (a NameError then)."""
    module = cst.parse_module('"""Doc."""\n__author__ = "x"\n\nimport os\nimport sys\n\nX = 1\n')
    assert after_imports(list(module.body)) == 4

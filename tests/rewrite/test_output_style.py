"""What ``migrate apply`` writes into a project: helpers once per package, in
the project's import style and formatter, never over a user's file."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import tokenize
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migrate.cli import main
from migrate.rewrite.helpers import HELPERS, defined_helpers, render
from migrate.rewrite.project_config import inferred_line_length, read_config

RUFF = Path(sys.executable).with_name("ruff")

UPSTREAM = textwrap.dedent(
    """\
    import requests

    session = requests.Session()


    def fetch(name):
        return session.get("http://upstream/" + name).json()
    """
)
VIEW = textwrap.dedent(
    """\
    from {upstream} import fetch


    def both():
        first = fetch("a")
        second = fetch("b")
        return first, second


    def pair():
        left = fetch("l")
        right = fetch("r")
        return left, right
    """
)


def apply(*args: str | Path) -> Result:
    result = CliRunner().invoke(main, ["apply", *map(str, args), "--jobs", "1"])
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def package(root: Path, upstream_import: str) -> Path:
    pkg = root / "shop"
    (pkg / "views").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "views" / "__init__.py").write_text("")
    (pkg / "upstream.py").write_text(UPSTREAM)
    (pkg / "views" / "pages.py").write_text(VIEW.format(upstream=upstream_import))
    (pkg / "views" / "more.py").write_text(VIEW.format(upstream=upstream_import))
    return pkg


def helper_definitions(root: Path) -> dict[str, list[str]]:
    """Top-level function and class names -> the files that define them."""
    import ast

    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.parse(path.read_bytes()).body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                found.setdefault(node.name, []).append(path.relative_to(root).as_posix())
    return found


def test_one_helpers_module_per_package_imported_relatively(tmp_path: Path) -> None:
    pkg = package(tmp_path, "..upstream")
    assert apply(pkg).exit_code == 0
    helpers = pkg / "_async_helpers.py"
    assert defined_helpers(helpers.read_bytes()) == {
        "gather_in_order",
        "_calls_made",  # gather_in_order's
        "AsyncClientPerLoop",
        "TLS_CONTEXT",
    }
    pages = (pkg / "views" / "pages.py").read_text()
    assert "from .._async_helpers import gather_in_order\n" in pages
    assert (
        "from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop\n"
        in (pkg / "upstream.py").read_text()
    )
    defined = helper_definitions(pkg)
    assert {name: defined.get(name) for name in HELPERS if name.isidentifier()} == {
        "TLS_CONTEXT": None,  # an assignment, not a definition
        "AsyncClientPerLoop": ["_async_helpers.py"],
        "PoolPerOrigin": None,  # a client per loop, not one for the process (Quart)
        "_calls_made": ["_async_helpers.py"],
        "gather_in_order": ["_async_helpers.py"],
        "gather_outcomes": None,  # no result is taken after other work that is seen
        "TaskPool": None,  # no thread pool here
        "async_memo": None,  # not needed here: nothing memoised
        "run_coroutine": None,  # nor here: no app context entered from sync code
        "run_soon": None,  # no __del__ runs async code
        "block_on": None,  # nor does a dunder
        "cached_result": None,  # nor here: no cached_property
        "StatusError": None,  # nothing raises requests.HTTPError
        "RequestsRequest": None,  # no requests mock with a callback
        "responses_params": None,  # nor a recorded request's params
        "HandMadeResponse": None,  # no test makes a requests.Response by hand
        "responses_callback": None,
        "requests_mock_answer": None,
        "httpx_kwargs": None,  # no **kwargs reach a request
        "requests_keywords": None,  # no Session subclass looks at its keywords
        "requests_values": None,  # no query parameter or form field may be None or a bool
        "requests_params": None,  # nor is one given with a URL that may have a query
        "requests_body": None,  # no body of a type known only at run time
        "requests_files": None,  # nor any file uploaded
        "requests_headers": None,  # no header value may be None
        "requests_tls": None,  # no client is given a CA bundle's path or a certificate
        "apparent_encoding": None,  # no charset guessed
        "RetryError": None,  # no urllib3 Retry retries responses
        "RetryTransport": None,
        "response_hook": None,  # no session has response hooks
        "event_hook": None,  # nor a sync httpx client event hooks
        "answers_in_turn": None,  # no HTTP mock answers with a list
        "unmatched_connect_error": None,  # nor moves off responses
        "async_client_mock": None,  # no test patches a whole requests.Session
        "httpx_module_mock": None,  # nor the requests module the code imports
        "async_method": None,  # nor sets a fake on one of its methods
        "async_class_mock": None,  # nor a project class whose methods became async
        "async_items": None,  # nor a method whose result became an async iterator
        "AsyncItemsPropertyMock": None,  # nor a property that gives an async generator now
        "AsyncItemsList": None,  # nor a mock stands in for an object with one
        "collect": None,  # no sync code reads a generator that became async
        "collecting": None,  # nor is handed one
        "request_body": None,  # no auth reads the body of the request it signs
        "with_body": None,  # nor sets it
        "with_headers": None,  # nor replaces its headers
        "urlopen_fake": None,  # no test fakes urllib's urlopen
        "through_requests": None,  # no test file mocks requests for code on both libraries
        "async_iter": None,  # no loop over what may be an async iterator or a list
        "thread_items": None,  # no async code loops over a sync generator that blocks
        "aislice": None,  # no loop takes some items of a generator that became async
        "aenumerate": None,  # nor numbers them
        "azip": None,  # nor zips them
        "atakewhile": None,  # nor takes them while a test holds
        "adropwhile": None,  # nor drops them while it holds
        "afilter": None,  # nor filters them
        "aany": None,  # no any() or all() stops early in async code
        "aall": None,
    }
    # The package runs: its helpers module imports, and a second run changes nothing.
    check = subprocess.run(
        [sys.executable, "-c", "import shop.views.pages, shop.views.more"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    before = {p: p.read_bytes() for p in pkg.rglob("*.py")}
    assert apply(pkg, "--check").exit_code == 0
    assert {p: p.read_bytes() for p in pkg.rglob("*.py")} == before


def test_a_package_with_absolute_imports_gets_an_absolute_import(tmp_path: Path) -> None:
    pkg = package(tmp_path, "shop.upstream")
    assert apply(tmp_path).exit_code == 0
    pages = (pkg / "views" / "pages.py").read_text()
    assert "from shop._async_helpers import gather_in_order\n" in pages


def test_loose_modules_share_one_helpers_module_in_their_folder(tmp_path: Path) -> None:
    (tmp_path / "upstream.py").write_text(UPSTREAM)
    (tmp_path / "pages.py").write_text(VIEW.format(upstream="upstream"))
    assert apply(tmp_path).exit_code == 0
    assert "from _async_helpers import gather_in_order\n" in (tmp_path / "pages.py").read_text()
    assert (tmp_path / "_async_helpers.py").exists()


def test_the_helpers_module_name_comes_from_the_option_or_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.migrate]\nhelpers-module = "_aio"\n')
    pkg = package(tmp_path, "..upstream")
    assert apply(pkg, "--diff").exit_code == 0
    assert apply(pkg).exit_code == 0
    assert (pkg / "_aio.py").exists() and not (pkg / "_async_helpers.py").exists()
    assert "from .._aio import gather_in_order" in (pkg / "views" / "pages.py").read_text()

    other = tmp_path / "other"
    other.mkdir()
    pkg = package(other, "..upstream")
    assert apply(pkg, "--helpers-module", "_shared").exit_code == 0
    assert (pkg / "_shared.py").exists()
    assert apply(pkg, "--helpers-module", "not-a-name").exit_code == 2


def test_a_users_module_of_that_name_is_never_overwritten(tmp_path: Path) -> None:
    pkg = package(tmp_path, "..upstream")
    mine = b"def mine():\n    return 1\n"
    (pkg / "_async_helpers.py").write_bytes(mine)
    result = apply(pkg)
    assert result.exit_code == 1
    assert "--helpers-module" in result.output
    assert (pkg / "_async_helpers.py").read_bytes() == mine
    # The files that would import from it are left untouched too.
    assert "gather_in_order" not in (pkg / "views" / "pages.py").read_text()


def test_a_later_step_extends_the_helpers_module_to_the_one_shot_bytes() -> None:
    step_one = render(["AsyncClientPerLoop"])
    assert defined_helpers(step_one) == {"AsyncClientPerLoop"}
    assert defined_helpers(step_one + b"\n\ndef mine():\n    pass\n") is None
    every = render(HELPERS)
    in_any_order = [
        "run_coroutine",
        "run_soon",
        "block_on",
        "httpx_kwargs",
        "async_memo",
        "TaskPool",
        "cached_result",
        "gather_in_order",
        "StatusError",
        "gather_outcomes",
        "answers_in_turn",
        "unmatched_connect_error",
        "with_headers",
        "requests_keywords",
        "requests_params",
        "requests_body",
        "requests_headers",
        "requests_tls",
        "apparent_encoding",
        "RetryTransport",
        "RetryError",
        "response_hook",
        "event_hook",
        "async_client_mock",
        "httpx_module_mock",
        "async_method",
        "async_class_mock",
        "async_items",
        "AsyncItemsPropertyMock",
        "AsyncItemsList",
        "urlopen_fake",
        "collect",
        "collecting",
        "request_body",
        "requests_mock_answer",
        "PoolPerOrigin",
        "responses_callback",
        "through_requests",
        "RequestsRequest",
        "HandMadeResponse",
        "TLS_CONTEXT",
        "async_iter",
        "thread_items",
        "aislice",
        "aenumerate",
        "azip",
        "atakewhile",
        "adropwhile",
        "afilter",
        "aany",
        "aall",
    ]
    assert render([*in_any_order, "AsyncClientPerLoop"]) == every


BADLY_FORMATTED = "import time\n\n\ndef stamp( ):\n    return time.time( )\n"


@pytest.mark.parametrize(
    ("name", "text", "width"),
    [
        ("pyproject.toml", "[tool.ruff]\nline-length = 79\n\n[tool.ruff.format]\n", "79"),
        (".pre-commit-config.yaml", "repos:\n- repo: x\n  hooks:\n  - id: ruff-format\n", "88"),
    ],
)
def test_a_configured_formatter_formats_only_the_changed_files(
    tmp_path: Path, name: str, text: str, width: str
) -> None:
    """Changed files the formatter kept formatted are formatted; one it would
    have changed before the migration keeps its own layout (the formatter
    would rewrite lines the migration never touched), as do untouched files."""
    (tmp_path / name).write_text(text)
    pkg = package(tmp_path, "..upstream")
    (pkg / "plain.py").write_text(BADLY_FORMATTED)
    upstream = pkg / "upstream.py"
    upstream.write_text(upstream.read_text() + "\n\nLIMITS = {'a':1}\n")
    # A statement the rewrite makes longer than the project's 79/88 columns.
    (pkg / "views" / "pages.py").write_text(
        VIEW.format(upstream="..upstream").replace(
            'first = fetch("a")',
            'first = fetch("a" + "-and-a-rather-long-name-that-keeps-on-going-to-the-end")',
        )
    )
    assert apply(pkg).exit_code == 0
    assert (pkg / "plain.py").read_text() == BADLY_FORMATTED
    assert "async def fetch(name):" in upstream.read_text()
    assert "\nLIMITS = {'a':1}\n" in upstream.read_text()
    changed = [pkg / "views" / "pages.py", pkg / "_async_helpers.py"]
    check = subprocess.run(
        [str(RUFF), "format", "--check", "--line-length", width, *map(str, changed)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_no_format_keeps_the_rewrites_own_layout(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ruff.format]\n")
    pkg = package(tmp_path, "..upstream")
    upstream = pkg / "upstream.py"
    upstream.write_text(upstream.read_text().replace("def fetch(name):", "def fetch( name ):"))
    assert apply(pkg, "--no-format").exit_code == 0
    assert "async def fetch( name ):" in upstream.read_text()


def test_the_helpers_module_passes_ruff_check_and_format(tmp_path: Path) -> None:
    """What migrate writes needs no cleanup: every helper, at black's default
    width and at a wider one (nothing a formatter would join)."""
    path = tmp_path / "_async_helpers.py"
    path.write_bytes(render(HELPERS))
    for command, width in (
        (["check", "--select", "E,F,W,I,B,UP,RUF"], "88"),
        (["format", "--check"], "88"),
        (["format", "--check"], "100"),
    ):
        result = subprocess.run(
            [str(RUFF), *command, "--isolated", "--no-cache", "--line-length", width, str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_helpers_comments_and_docstrings_fit_in_79_columns() -> None:
    """A formatter wraps code to the project's width, never a comment or a
    docstring: those are written for flake8's default 79, the narrowest width
    projects commonly set (E501)."""
    source = render(HELPERS).decode()
    lines = source.splitlines()
    prose: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            prose.add(token.start[0])
        elif token.type == tokenize.STRING and token.string.endswith('"""'):
            prose.update(range(token.start[0], token.end[0] + 1))
    too_long = [lines[n - 1] for n in sorted(prose) if len(lines[n - 1]) > 79]
    assert too_long == []


def test_a_project_of_79_columns_without_a_formatter_gets_helpers_that_fit(
    tmp_path: Path,
) -> None:
    # flake8's default, or ruff's width with no ``ruff format`` configured: the
    # helpers' code is wrapped as a formatter would, imports included.
    (tmp_path / "pyproject.toml").write_text(
        '[tool.ruff]\nline-length = 79\n\n[tool.ruff.lint]\nselect = ["E"]\n'
    )
    pkg = package(tmp_path, "..upstream")
    assert apply(pkg).exit_code == 0
    helpers = pkg / "_async_helpers.py"
    assert max(len(line) for line in helpers.read_text().splitlines()) > 70
    check = subprocess.run(
        [str(RUFF), "check", "--select", "E501", "--line-length", "79", str(helpers)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    every = render(HELPERS, line_length=79)
    assert defined_helpers(every) == set(HELPERS)
    assert max(len(line) for line in every.decode().splitlines()) <= 79


REDIRECTS = textwrap.dedent(
    """\
    import requests


    def moved(url):
        for attempt in range(3):
            resp = requests.get(url, timeout=5)
            if attempt:
                if requests.head(url, timeout=5).is_permanent_redirect:
                    return resp.headers["location"]
        return None


    def leaky(url):
        session = requests.Session()
        return session.get(url).text
    """
)


@pytest.mark.parametrize("width", [79, 88])
def test_a_todo_names_the_codes_variables_and_keeps_the_line_length(
    tmp_path: Path, width: int
) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.ruff]\nline-length = {width}\n")
    (tmp_path / "app").mkdir()
    module = tmp_path / "app" / "redirects.py"
    module.write_text(REDIRECTS)
    assert apply(tmp_path / "app").exit_code == 0
    text = module.read_text()
    assert max(len(line) for line in text.splitlines()) <= width
    # Each TODO goes on under its text, at its indentation, its rule code first.
    assert (
        "            # TODO(migrate MIG001): .is_permanent_redirect is requests' only:\n"
        "            #   .status_code in (301, 308)\n"
        "            async with httpx.AsyncClient(\n"
    ) in text
    close = "close this client with `await session.aclose()` (or use `async with`)"
    todo = [line.strip() for line in text.splitlines() if line.strip().startswith("#")][-2:]
    assert todo[0].startswith("# TODO(migrate MIG001): close this client")
    assert todo[1].startswith("#   ")
    assert " ".join([todo[0], todo[1][4:]]) == f"# TODO(migrate MIG001): {close}"
    # A second run finds its TODOs there, continued lines and all.
    assert apply(tmp_path / "app", "--check").exit_code == 0
    assert module.read_text() == text


SLEEPER = "import time\n\n\ndef wait( seconds ):\n    time.sleep(seconds)\n"


def test_a_single_changed_file_is_formatted(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 36\n[tool.ruff.format]\n")
    (tmp_path / "app").mkdir()
    module = tmp_path / "app" / "mod.py"
    module.write_text("import time\n\n\ndef wait(seconds, f):\n    time.sleep(seconds * f + 1)\n")
    assert apply(tmp_path / "app").exit_code == 0
    check = subprocess.run(
        [str(RUFF), "format", "--check", "--line-length", "36", str(module)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + module.read_text()
    assert "async def wait(seconds, f):" in module.read_text()


def test_a_file_the_formatter_would_have_changed_keeps_its_layout(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ruff.format]\n")
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "mod.py").write_text(SLEEPER)
    assert apply(tmp_path / "app").exit_code == 0
    assert (tmp_path / "app" / "mod.py").read_text() == SLEEPER.replace(
        "def wait", "async def wait"
    ).replace("time.sleep", "await asyncio.sleep").replace("import time", "import asyncio")


def test_a_formatter_that_fails_leaves_the_rewrite_and_says_so(tmp_path: Path) -> None:
    # ruff refuses a configuration it does not know: the migration is still
    # written, in its own layout, and the summary names the files.
    (tmp_path / "ruff.toml").write_text("[format]\nnot-a-setting = 1\n")
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "mod.py").write_text(SLEEPER)
    result = apply(tmp_path / "app")
    assert result.exit_code == 0
    assert "ruff could not format mod.py: left as rewritten" in result.output
    assert "async def wait( seconds ):" in (tmp_path / "app" / "mod.py").read_text()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "tox.ini",
            b"[tox]\nenvlist = py311\n\n[testenv:lint]\ncommands =\n    black --check src\n",
            (88, "black"),
        ),
        ("tox.ini", b"[testenv:fmt]\ncommands = ruff format src\n", (88, "ruff")),
        ("setup.cfg", b"[metadata]\nname = shop\n\n[flake8]\nmax-line-length = 100\n", (100, None)),
        ("tox.ini", b"[pycodestyle]\nmax_line_length = 99\n", (99, None)),
        # A comment in Latin-1 does not hide the hook (nor stop the run).
        (
            ".pre-commit-config.yaml",
            b"# caf\xe9\nrepos:\n- repo: x\n  hooks:\n  - id: black\n",
            (88, "black"),
        ),
        ("Makefile", b"format:\n\truff format .\n", (88, "ruff")),
        ("pyproject.toml", b"[tool.black]\nline-length = 100\n", (100, "black")),
        ("pyproject.toml", b"[tool.black]\n", (88, "black")),
        ("pyproject.toml", b"[tool.ruff]\nline-length = 79\n\n[tool.ruff.format]\n", (79, "ruff")),
    ],
    ids=[
        "tox black",
        "tox ruff",
        "flake8",
        "pycodestyle",
        "pre-commit latin-1",
        "make",
        "black width",
        "black default",
        "ruff width",
    ],
)
def test_the_projects_width_and_formatter_are_found_where_its_tools_keep_them(
    tmp_path: Path, name: str, data: bytes, expected: tuple[int | None, str | None]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / name).write_bytes(data)
    (tmp_path / "app").mkdir()
    config = read_config([tmp_path / "app"])
    assert config.root == tmp_path
    assert (config.line_length, config.formatter) == expected


def test_the_folder_given_can_be_the_project_root(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_bytes(b"[tool.black]\nline-length = 100\n")
    assert read_config([project]).root == project
    (project / "app.py").write_text("")
    assert read_config([project / "app.py"]).root == project


def test_a_configuration_file_that_cannot_be_read_configures_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root, permissions never refuse a read, so the refusal is simulated.
    (tmp_path / ".git").mkdir()
    for name in ("setup.cfg", "tox.ini", ".pre-commit-config.yaml", "Makefile"):
        (tmp_path / name).write_text("[flake8]\nmax-line-length = 100\n")
    real_read_text = Path.read_text

    def refuse(self: Path, *args: object, **kwargs: object) -> str:
        if self.parent == tmp_path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", refuse)
    config = read_config([tmp_path])
    assert (config.root, config.line_length, config.formatter) == (tmp_path, None, None)


def _code(width: int, lines: int = 40, widest: int = 5) -> str:
    """``lines`` statements, ``widest`` of them ``width`` characters long."""
    body = [f"    value_{n} = {n}" for n in range(lines - widest)]
    wide = "    total = compute(" + ", ".join(f"a{n}" for n in range(60))
    body += [wide[: width - 1] + ")"] * widest
    return "def build(compute):\n" + "\n".join(body) + "\n    return total\n"


@pytest.mark.parametrize(
    ("widest", "expected"), [(70, 88), (88, 88), (95, 99), (100, 100), (104, 110), (119, 120)]
)
def test_code_that_configures_no_width_is_taken_at_the_width_it_is_written(
    widest: int, expected: int
) -> None:
    code = _code(widest)
    assert max(len(line) for line in code.splitlines()) == widest
    assert inferred_line_length([code]) == expected


def test_strings_comments_and_a_rare_long_line_do_not_widen_the_code() -> None:
    text = 'URL = "' + "x" * 150 + '"\n# ' + "y" * 150 + '\nDOC = """\n' + "z" * 150 + '\n"""\n'
    assert inferred_line_length([text * 5, _code(80)]) == 88
    # Four statements of 130 among lines of 80: slips, not the team's width.
    assert inferred_line_length([_code(130, widest=4)]) == 88
    # Five among a thousand too: one in 200 is allowed.
    assert inferred_line_length([_code(130), *[_code(80, lines=200)] * 5]) == 88
    # Code wider than any width teams choose: the widest of them.
    assert inferred_line_length([_code(150)]) == 120


WIDE_CLIENT = """\
import requests


class Client:
    def __init__(self, base_url, api_key):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Token {api_key}", "Accept": "ACCEPT"})

    def comments(self, ticket_id, page):
        return self.session.get(f"{self.base_url}/tickets/{ticket_id}/comments?page={page}").json()

    def describe(self, ticket, comments, labels=None, assignee=None, watchers=None, due_date=None, sla=None):
        summary = {"ticket": ticket, "comments": len(comments), "labels": labels or [], "due_date": due_date}
        summary.update({"assignee": assignee or "nobody", "watchers": watchers or [], "sla": sla, "open": True})
        return {key: value for key, value in summary.items() if value is not None and value not in ([], {})}
""".replace("ACCEPT", "application/json")  # noqa: E501 (the code is 110 wide)


@pytest.mark.parametrize("configured", [None, 88])
def test_a_project_that_configures_no_width_keeps_its_own_in_the_rewrite(
    tmp_path: Path, configured: int | None
) -> None:
    (tmp_path / ".git").mkdir()
    if configured:
        (tmp_path / "pyproject.toml").write_text(f"[tool.ruff]\nline-length = {configured}\n")
    module = tmp_path / "client.py"
    module.write_text(WIDE_CLIENT)
    assert apply(tmp_path, "--no-format").exit_code == 0
    rewritten = [line for line in module.read_text().splitlines() if "tickets/" in line]
    if configured:
        # The configured width wins over the code's: the call is wrapped to it.
        assert len(rewritten) == 1 and len(rewritten[0]) <= configured
    else:
        # Written 110 wide, so the awaited call (107) stays on one line.
        assert rewritten == [
            "        return (await self.session.get("
            'f"{self.base_url}/tickets/{ticket_id}/comments?page={page}")).json()'
        ]

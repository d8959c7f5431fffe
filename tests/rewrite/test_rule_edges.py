"""Edges of single rules that the golden cases do not reach.

Each test migrates a small project in this process and checks one thing a
rule must get right at an edge: a shape the common cases don't have (an
unpacked mapping in a kwargs dict, ``r.ok`` as the right operand, several
Retry settings left behind, a docstring before the class body). The golden
cases' own suites run in child processes; these keep the same promises
checked where a mutation of the rule shows up.
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

from migrate.analyse.decisions import Scope
from migrate.rewrite.engine import FileResult
from migrate.rewrite.formatting import format_results
from migrate.rewrite.options import RewriteOptions
from migrate.rewrite.wrap import wrap_changed_lines

from .drivers import migrated_case
from .harness import rewrite


def test_a_formatter_failing_on_one_file_still_formats_the_others(tmp_path: Path) -> None:
    broken = FileResult(path=tmp_path / "a.py", module="a", old=b"x = 1\n", new=b"def f( :\n")
    fine = FileResult(path=tmp_path / "b.py", module="b", old=b"x = 1\n", new=b"y = ( 1 )\n")
    warning = format_results([broken, fine], "ruff", tmp_path)
    assert warning == "ruff could not format a.py: left as rewritten"
    assert broken.new == b"def f( :\n"
    assert fine.new == b"y = 1\n"


def test_a_kwargs_dict_that_unpacks_another_mapping_is_translated_where_it_is_passed(
    tmp_path: Path,
) -> None:
    out = migrated_case(
        tmp_path,
        {
            "api.py": """
                import requests


                def get(url, extra):
                    options = {"timeout": 5, **extra}
                    return requests.get(url, **options).json()
            """
        },
    )["api.py"]
    assert 'options = {"timeout": 5, **extra}' in out
    assert "(await http_client.get(url, **httpx_kwargs(options))).json()" in out


def test_ok_as_the_right_operand_loses_the_brackets_the_rule_made(tmp_path: Path) -> None:
    out = migrated_case(
        tmp_path,
        {
            "health.py": """
                import requests


                def healthy(url):
                    r = requests.get(url)
                    if r.status_code == 200 and r.ok:
                        return "up"
                    return r.ok or None
            """
        },
    )["health.py"]
    assert "    if r.status_code == 200 and not r.is_error:\n" in out
    assert "    return not r.is_error or None\n" in out


def test_every_retry_setting_httpx_cannot_carry_is_named_in_one_todo(tmp_path: Path) -> None:
    out = migrated_case(
        tmp_path,
        {
            "shop.py": """
                import requests
                from requests.adapters import HTTPAdapter
                from urllib3.util.retry import Retry


                def prices(skus):
                    with requests.Session() as session:
                        session.mount(
                            "https://",
                            HTTPAdapter(max_retries=Retry(total=2, read=2, status_forcelist=[502])),
                        )
                        return [session.get(f"https://shop.test/{sku}").json() for sku in skus]


                def stock(sku):
                    with requests.Session() as session:
                        session.mount("https://", HTTPAdapter(max_retries=Retry.from_int(3)))
                        return session.get(f"https://shop.test/stock/{sku}").json()
            """
        },
    )["shop.py"]
    todos = [line.strip() for line in out.splitlines() if "TODO" in line]
    assert todos == [
        "# TODO(migrate MIG001): Retry(read=) not carried: httpx retries connections only",
        "# TODO(migrate MIG001): max_retries=Retry.from_int(3) not carried",
    ]
    # What it does on responses is carried.
    assert "status_forcelist=[502]" in out.split("RetryTransport(")[1]


def test_the_init_a_session_subclass_gains_follows_its_docstring(tmp_path: Path) -> None:
    out = migrated_case(
        tmp_path,
        {
            "api.py": '''
                import requests


                class Api(requests.Session):
                    """An API session."""

                    base = "http://api.test"

                    def item(self, i):
                        return self.get(f"{self.base}/{i}").json()
            '''
        },
    )["api.py"]
    (cls,) = (n for n in ast.parse(out).body if isinstance(n, ast.ClassDef))
    assert [type(n).__name__ for n in cls.body] == [
        "Expr",
        "FunctionDef",
        "Assign",
        "AsyncFunctionDef",
    ]
    assert isinstance(cls.body[1], ast.FunctionDef) and cls.body[1].name == "__init__"


def test_a_handler_registered_for_both_libraries_gets_no_json_todo(tmp_path: Path) -> None:
    # One gradual step: legacy_job still uses requests, so the handler stays
    # registered for requests' class and gains httpx's (and the JSON error
    # requests' class covered): nothing is left to review on that line.
    out = migrated_case(
        tmp_path,
        {
            "app.py": """
                import requests
                from flask import Flask, jsonify

                app = Flask(__name__)


                def on_error(exc):
                    return jsonify(error=str(exc)), 502


                app.register_error_handler(requests.RequestException, on_error)


                @app.get("/")
                def index():
                    return requests.get("http://api.test/", timeout=5).json()
            """,
            "legacy_job.py": """
                import requests


                def job():
                    return requests.get("http://api.test/job", timeout=5).json()
            """,
        },
        scope=Scope(select=("app",)),
    )["app.py"]
    registrations = [line for line in out.splitlines() if "register_error_handler" in line]
    assert registrations == [
        "app.register_error_handler(requests.RequestException, on_error)",
        "app.register_error_handler(httpx.HTTPError, on_error)",
        "app.register_error_handler(httpx.InvalidURL, on_error)",
        "app.register_error_handler(json.JSONDecodeError, on_error)",
    ]
    assert "TODO" not in out


def test_responses_answers_for_one_url_are_given_in_turn_exceptions_too(tmp_path: Path) -> None:
    out = migrated_case(
        tmp_path,
        {
            "client.py": """
                import requests


                def fetch(url):
                    return requests.get(url, timeout=5).json()
            """,
            "test_client.py": """
                import requests
                import responses

                from client import fetch

                URL = "https://api.test/items"


                @responses.activate
                def test_refused_then_ready():
                    responses.add(responses.GET, URL, body=requests.ConnectionError("refused"))
                    responses.add(responses.GET, URL, json=[1])
                    try:
                        fetch(URL)
                    except requests.ConnectionError:
                        pass
                    assert fetch(URL) == [1]
            """,
        },
    )["test_client.py"]
    assert out.count("respx.get(URL)") == 1
    assert "side_effect=answers_in_turn(" in out
    assert "httpx.Response(200, json=[1])" in out


def test_a_patch_that_names_its_own_mock_class_gets_no_return_value(tmp_path: Path) -> None:
    out = migrated_case(
        tmp_path,
        {
            "client.py": """
                import requests


                def fetch(url):
                    return requests.get(url, timeout=5).json()
            """,
            "test_client.py": """
                from unittest import mock

                from client import fetch


                def test_patched():
                    with mock.patch("requests.get", new_callable=mock.AsyncMock) as get:
                        get.return_value.json.return_value = [3]
                        assert fetch("https://api.test/") == [3]
            """,
        },
    )["test_client.py"]
    assert 'mock.patch("httpx.AsyncClient.get", new_callable=mock.AsyncMock) as get:' in out


def test_an_element_too_long_to_split_stays_whole_on_its_own_line() -> None:
    text = "x" * 70
    old = f'values = f(\n    "{text}", 2,\n)\n'
    new = f'values = f(\n    "{text}", await g(a, b),\n)\n'
    out = wrap_changed_lines(new, old, 60)
    assert out == f'values = f(\n    "{text}",\n    await g(a, b),\n)\n'


def test_a_generator_the_loop_walks_twice_is_made_a_list_first(tmp_path: Path) -> None:
    # The gather walks the items, then the loop walks them again with the
    # results: a generator (over an iterator, say) would be empty the second time.
    out = migrated_case(
        tmp_path,
        {
            "names.py": """
                import requests


                def names(lines):
                    out = {}
                    for key in (line.strip() for line in lines):
                        out[key] = requests.get(f"http://api.test/{key}").json()
                    return out
            """
        },
    )["names.py"]
    assert "    items = list(line.strip() for line in lines)\n" in out
    assert "for key in items)" in out
    assert "    for key, response in zip(items, responses):\n" in out


def test_a_closing_block_at_module_level_is_analysed_and_left_alone(tmp_path: Path) -> None:
    # Code that runs at import stays as it was; the functions beside it migrate.
    out = migrated_case(
        tmp_path,
        {
            "feed.py": """
                import contextlib

                import requests


                def first_line(url):
                    with contextlib.closing(requests.get(url, stream=True)) as resp:
                        return next(resp.iter_lines())


                with contextlib.closing(requests.get("http://api.test/boot", stream=True)) as boot:
                    BOOT = boot.text
            """
        },
    )["feed.py"]
    assert "async def first_line(url):" in out
    assert (
        'with contextlib.closing(requests.get("http://api.test/boot", stream=True)) as boot:\n'
        "    BOOT = boot.text\n"
    ) in out


def test_tox_and_a_setup_py_built_in_code_follow_the_migration(tmp_path: Path) -> None:
    files = {
        "app.py": """
            import requests


            def get(url):
                return requests.get(url).json()
        """,
        "tox.ini": """
            [testenv]
            deps =
                pytest
                requests
            commands = pytest
        """,
        "setup.py": """
            from setuptools import setup

            setup(name="app", install_requires=open("requirements.in").read().split())
        """,
    }
    for name, source in files.items():
        (tmp_path / name).write_text(textwrap.dedent(source).lstrip())
    written, results = rewrite(tmp_path, RewriteOptions())
    assert "    requests\n" not in written["tox.ini"].decode()
    (setup,) = (r for r in results if r.path.name == "setup.py")
    assert not setup.changed
    assert [(n.line, n.message, n.todo) for n in setup.notes] == [
        (1, 'add to install_requires in setup.py: "httpx>=0.27"', True)
    ]


def test_a_session_setup_todo_names_the_line_it_was_on(tmp_path: Path) -> None:
    source = textwrap.dedent(
        """
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry


        def prices(skus):
            with requests.Session() as session:
                session.mount("https://", HTTPAdapter(max_retries=Retry(total=2, read=2)))
                return [session.get(f"https://shop.test/{sku}").json() for sku in skus]


        class Api:
            def __init__(self):
                self.session = requests.Session()
                self.session.mount("https://", HTTPAdapter(max_retries=Retry(3, read=1)))
                self.session.proxies.update({"ftp": "http://proxy.test:3128"})

            def get(self, url):
                return self.session.get(url).json()
        """
    )
    (tmp_path / "shop.py").write_text(source)
    _, results = rewrite(tmp_path, RewriteOptions())
    (shop,) = (r for r in results if r.path.name == "shop.py")
    lines = source.splitlines()

    def line_of(text: str) -> int:
        return next(i for i, line in enumerate(lines, 1) if text in line)

    assert sorted((n.line, n.message.split(":")[0]) for n in shop.notes if n.todo) == [
        (line_of('session.mount("https://"'), "Retry(read=) not carried"),
        (line_of('self.session.mount("https://"'), "Retry(read=) not carried"),
        (
            line_of("self.session.proxies.update"),
            "httpx takes proxy=/mounts= when the client is made",
        ),
    ]
    assert all(n.line for n in shop.notes)


def test_a_urlopen_body_gets_the_form_type_urllib_sent_or_a_todo(tmp_path: Path) -> None:
    out = migrated_case(
        tmp_path,
        {
            "hooks.py": """
                from urllib.request import Request, urlopen


                async def ping(url):
                    return await notify(url, b"ping")


                def notify(url, body, headers=None):
                    urlopen(url, b"event=1", timeout=5)
                    urlopen(Request(url, body), timeout=5)
                    urlopen(Request(url, b"x", headers=headers), timeout=5)
                    return urlopen(Request(url, b"x", {"content-type": "text/plain"})).status
            """
        },
    )["hooks.py"]
    form = '"Content-Type": "application/x-www-form-urlencoded"'
    # Writes, each with its client around its own statement: never gathered.
    assert "gather" not in out and out.count("async with httpx.AsyncClient(") == 4
    # Only the literal body with no headers gets it; a header of its own stays.
    assert out.count(form) == 1
    assert out.index('content=b"event=1"') < out.index(form) < out.index("content=body")
    assert 'headers={"content-type": "text/plain"}' in out
    todo = "# TODO(migrate MIG012): urllib sent this body as x-www-form-urlencoded;"
    assert out.count(todo) == 2


def test_a_response_bound_by_a_walrus_gets_its_attribute_fixes(tmp_path: Path) -> None:
    out = migrated_case(
        tmp_path,
        {
            "auth.py": """
                import requests


                def login(url, user):
                    if (resp := requests.post(url, json={"user": user}, timeout=5)).ok:
                        return resp.json()["token"], resp.reason
                    return None
            """
        },
    )["auth.py"]
    assert "if not (\n" in out and ").is_error:" in out
    assert 'return resp.json()["token"], resp.reason_phrase' in out
    assert ".ok" not in out


def test_a_session_a_factory_annotates_stays_with_the_factory(tmp_path: Path) -> None:
    """``-> requests.Session`` on a factory that keeps making one: the calls made
    through what it returns stay on requests with it, not half-moved to httpx."""
    out = migrated_case(
        tmp_path,
        {
            "pool.py": """
                import requests

                _session = None


                def get_session() -> requests.Session:
                    global _session
                    if _session is None:
                        _session = requests.Session()
                    return _session


                def fetch_all(urls):
                    s = get_session()
                    return [s.get(u, timeout=5).json() for u in urls]
            """
        },
    ).get("pool.py", "")
    assert "await" not in out and "aclose" not in out


def test_a_one_off_request_as_a_match_subject_gets_its_client(tmp_path: Path) -> None:
    out = migrated_case(
        tmp_path,
        {
            "kinds.py": """
                import requests


                def kind(url):
                    match requests.get(url, timeout=5).json():
                        case {"type": t}:
                            return t
                        case _:
                            return None
            """
        },
    )["kinds.py"]
    assert "TODO" not in out
    assert ") as http_client:\n        match (await http_client.get(url, timeout=5)).json():" in out


def test_request_functions_imported_by_name_lose_their_import(tmp_path: Path) -> None:
    out = migrated_case(
        tmp_path,
        {
            "verbs.py": """
                from requests import get, post
                from requests import put as update


                def read(url):
                    return get(url, timeout=5).json()


                def write(url):
                    return post(url, timeout=5).json(), update(url).status_code
            """
        },
    )["verbs.py"]
    assert "requests" not in out


def test_exception_classes_handed_to_catching_calls_are_widened(tmp_path: Path) -> None:
    """A retry library or ``suppress`` catches what it is given, and a tuple of
    classes can only be a catch list: each takes every httpx class requests'
    class stood for. A mock's effects are raised, not caught: one class each."""
    out = migrated_case(
        tmp_path,
        {
            "api.py": """
                import contextlib
                from unittest import mock

                import backoff
                import requests
                from requests.exceptions import ConnectionError, Timeout
                from tenacity import retry, retry_if_exception_type

                RETRYABLE = (ConnectionError, Timeout)


                @retry(retry=retry_if_exception_type(requests.ConnectionError))
                def status(url):
                    return requests.get(url).json()


                @backoff.on_exception(backoff.expo, requests.ConnectionError, max_tries=3)
                def ping(url):
                    with contextlib.suppress(requests.Timeout, ValueError):
                        return requests.get(url).json()


                def fake():
                    return mock.Mock(side_effect=(requests.ConnectionError, None))
            """
        },
    )["api.py"]
    tree = ast.parse(out)
    widened = (
        "(httpx.NetworkError, httpx.ConnectTimeout, httpx.WriteTimeout,"
        " httpx.RemoteProtocolError, httpx.ProxyError)"
    )
    code = " ".join(ast.unparse(node) for node in tree.body)
    assert f"RETRYABLE = ({widened[1:-1]}, httpx.TimeoutException)" in code
    assert f"retry_if_exception_type({widened})" in code
    assert f"backoff.on_exception(backoff.expo, {widened}, max_tries=3)" in code
    assert "contextlib.suppress(httpx.TimeoutException, ValueError)" in code
    assert "side_effect=(httpx.ConnectError(''), None)" in code

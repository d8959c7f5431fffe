"""Review items for what the move to httpx changes by itself (migrate/analyse/http_reviews.py):
a public function's ``**kwargs`` reaching requests, a handler of
``RequestException`` that will see JSON errors too, urllib's CA store."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from migrate.analyse.http_reviews import CA_STORE, JSON_HANDLER
from migrate.analyse.run import analyse_paths
from migrate.plan import build_plan

JSON_START = JSON_HANDLER.split("{")[0]


def reviews(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, int, str]]:
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    return sorted((r.function, r.span.line, r.reason) for r in colouring.review)


KWARGS = """
    import requests

    def fetch(url, **kwargs):
        return requests.get(url, **kwargs).json()

    def _private(url, **kwargs):
        return requests.get(url, **kwargs).json()

    def fixed(url, **kwargs):
        options = {"timeout": 5}
        return requests.get(url, **options).json()

    class Api:
        def get(self, path, **options):
            return requests.get(path, **options)

    async def main():
        return fetch("u"), _private("u"), fixed("u"), Api().get("p")
"""


def test_a_public_function_passing_its_kwargs_to_requests_is_named(tmp_path: Path) -> None:
    found = [(f, line) for f, line, why in reviews(tmp_path, {"api.py": KWARGS}) if "**" in why]
    assert found == [("api.Api.get", 16), ("api.fetch", 5)]
    why = next(w for f, _, w in reviews(tmp_path, {"api.py": KWARGS}) if f == "api.fetch")
    assert "verify, cert, proxies, hooks" in why and "httpx_kwargs" in why


@pytest.mark.parametrize(
    "registration",
    [
        "app.register_error_handler(requests.RequestException, unavailable)",
        "app.register_error_handler(\n    requests.exceptions.RequestException, unavailable\n)",
        "app.register_error_handler(RequestException, unavailable)",
        "app.errorhandler(RequestException)(unavailable)",
    ],
)
def test_a_handler_of_request_exception_is_named(tmp_path: Path, registration: str) -> None:
    source = HANDLERS.format(registration=registration)
    found = [
        (f, line)
        for f, line, why in reviews(tmp_path, {"app.py": source})
        if why.startswith(JSON_START)
    ]
    assert found == [("app.<module>", 19)]


def test_a_decorated_handler_is_named_and_a_narrower_one_is_not(tmp_path: Path) -> None:
    source = HANDLERS.format(registration="") + textwrap.dedent("""
        @app.errorhandler(requests.RequestException)
        def upstream(exc):
            return "upstream", 502

        @app.errorhandler(requests.Timeout)
        def slow(exc):
            return "slow", 504
    """)
    found = [
        (f, line)
        for f, line, why in reviews(tmp_path, {"app.py": source})
        if why.startswith(JSON_START)
    ]
    assert found == [("app.<module>", 21)]


HANDLERS = """\
import json

import requests
from flask import Flask
from requests.exceptions import RequestException

app = Flask(__name__)


def unavailable(exc):
    return "unavailable", 502


async def view(body):
    return requests.get("https://api.example.com/x", params=json.loads(body)).json()


# the registration
{registration}
"""


def test_a_carried_urlopen_call_names_the_ca_store(tmp_path: Path) -> None:
    source = """
        import json
        from urllib.request import urlopen

        def fetch(url):
            with urlopen(url) as resp:
                return json.load(resp)

        def rows(url):
            return list(urlopen(url))

        async def main():
            return fetch("https://a.example.com"), rows("https://a.example.com")
    """
    found = [
        (f, line) for f, line, why in reviews(tmp_path, {"feed.py": source}) if why == CA_STORE
    ]
    assert found == [("feed.fetch", 6)]


def test_no_handler_item_when_the_app_parses_no_json_itself(tmp_path: Path) -> None:
    source = HANDLERS.format(registration="app.errorhandler(RequestException)(unavailable)")
    source = source.replace("params=json.loads(body)", "params=body")
    assert not [
        why for _, _, why in reviews(tmp_path, {"app.py": source}) if "JSONDecodeError" in why
    ]


MOUNTED = """
    import requests
    from requests_file import FileAdapter

    def first(urls):
        session = requests.Session()
        session.mount("file://", FileAdapter())
        for url in urls:
            try:
                return session.get(url).text
            except requests.RequestException:
                pass
        return None

    def plain(url):
        return requests.get(url).text
"""


def test_a_session_mounting_an_adapter_of_a_requests_package_stays_on_requests(
    tmp_path: Path,
) -> None:
    # httpx has no transport for file:// (requests_file): the session keeps
    # requests, the plan says why (no "mount has no twin" item besides), and the
    # rest of the module moves.
    (tmp_path / "lists.py").write_text(textwrap.dedent(MOUNTED))
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert colouring.is_async("lists.plain")
    assert not colouring.is_async("lists.first")
    found = sorted((r.function, r.span.line, r.reason) for r in colouring.review)
    assert found == [
        (
            "lists.first",
            7,
            "stays on requests: session.mount(...) mounts a requests_file.FileAdapter,"
            " which httpx has no transport for",
        ),
        (
            "lists.first",
            10,
            "stays on requests: session is a session that other calls keep on requests",
        ),
    ]


MOUNTS = """
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry


    class Store:
        def __init__(self):
            self.session = requests.Session()
            adapter = HTTPAdapter(max_retries=3, pool_maxsize=20)
            self.session.mount("https://", adapter)

        def get(self, url):
            return self.session.get(url).json()


    def configure(session):
        session.mount("https://", HTTPAdapter(max_retries=2))


    def on_errors():
        session = requests.Session()
        session.mount("https://", HTTPAdapter(max_retries=Retry(total=2, read=2)))
        return session.get("https://x").json()
"""


def test_adapters_mounted_where_the_session_is_made_are_carried_not_reviewed(
    tmp_path: Path,
) -> None:
    found = [(fn, line, why.split(" ")[0]) for fn, line, why in reviews(tmp_path, {"m.py": MOUNTS})]
    # An adapter for a session handed in is not mounted where the client is made;
    # a Retry acting on reads has no transport twin.
    assert found == [("m.configure", 18, "HTTPAdapter"), ("m.on_errors", 23, "urllib3's")]


AUTH_READ = """\
    import requests


    class Api:
        def __init__(self, user, password):
            self.session = requests.Session()
            self.session.auth = (user, password)

        def user(self):
            return self.session.auth[0] if self.session.auth else None

        def me(self):
            return self.session.get("https://api.example.com/me").json()


    def logged_in(user, password):
        session = requests.Session()
        session.auth = (user, password)
        if session.auth is not None and not session.auth:
            return None
        return session.get("https://api.example.com/me").json()
"""


def test_a_session_whose_auth_is_read_back_stays_on_requests(tmp_path: Path) -> None:
    """An AsyncClient hands its auth back as an httpx.Auth, not the pair it was
    given: ``self.session.auth[0]`` keeps the session on requests. Tests for truth
    or None read nothing of it (``logged_in`` moves)."""
    (tmp_path / "api.py").write_text(textwrap.dedent(AUTH_READ))
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert colouring.is_async("api.logged_in")
    assert not colouring.is_async("api.Api.me")
    found = [(r.function, r.span.line, r.reason) for r in colouring.review]
    assert found == [
        (
            "api.Api.me",
            13,
            "stays on requests: self.session.auth is read (api.py:10), and an"
            " AsyncClient's auth is an httpx.Auth (httpx.BasicAuth for a user and password),"
            " not the value it was set to",
        )
    ]


ADAPTERS_CHECKED = """\
    import requests
    from requests.adapters import HTTPAdapter


    class Api:
        def __init__(self, retries):
            self.session = requests.Session()
            self.session.mount("https://", HTTPAdapter(max_retries=retries))

        def me(self):
            return self.session.get("https://api.example.com/me").json()
"""
ADAPTERS_TEST = """\
    from api import Api


    def test_retries():
        api = Api(3)
        assert api.session.adapters["https://"].max_retries.total == 3
"""


def test_a_test_reading_a_moving_session_s_adapters_is_named(tmp_path: Path) -> None:
    """Library code reading ``session.adapters`` keeps the session on requests; a
    test doing so is named for its author, and the library moves."""
    (tmp_path / "api.py").write_text(textwrap.dedent(ADAPTERS_CHECKED))
    (tmp_path / "test_api.py").write_text(textwrap.dedent(ADAPTERS_TEST))
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert colouring.is_async("api.Api.me")
    found = [(r.function, r.span.line) for r in colouring.review if "this test reads" in r.reason]
    assert found == [("test_api.test_retries", 6)]


REBOUND = """\
    import requests


    class Client:
        def __init__(self, base, session=None):
            self.base = base
            if not session:
                session = requests.Session()
            self._session = session

        def ping(self):
            return self._session.get(self.base + "/ping").status_code


    class Other:
        def __init__(self, session=None):
            self.session = session or requests.Session()

        def ping(self):
            return self.session.get("https://api.example.com/ping").status_code
"""


def test_a_session_given_or_made_in_a_statement_of_its_own_stays_on_requests(
    tmp_path: Path,
) -> None:
    """The rewrite carries ``self.s = session or requests.Session()`` into a client
    per event loop; ``if not session: session = requests.Session()`` then ``self.s =
    session`` it cannot, so that session stays on requests (before, its calls were
    awaited while it stayed a requests.Session). The one-expression form moves."""
    (tmp_path / "client.py").write_text(textwrap.dedent(REBOUND))
    colouring = analyse_paths([tmp_path], jobs=1).colouring
    assert not colouring.is_async("client.Client.ping")
    assert colouring.is_async("client.Other.ping")
    found = [(r.function, r.reason) for r in colouring.review]
    assert found == [
        (
            "client.Client.ping",
            "stays on requests: self._session is the session= its caller gives, or a session"
            " made in a statement of its own (Client.__init__, client.py:5): write"
            " `self._session = session or requests.Session()` to migrate it",
        )
    ]


def test_a_module_calling_a_method_through_a_parameter_is_analysed(tmp_path: Path) -> None:
    """``client._request(...)`` in a module handed the client, which never names its
    class nor imports requests: the module is analysed for the method's own name, and
    the call, on a parameter of unknown type, is taken for the project's only
    ``_request`` (before, it was left un-awaited without a word)."""
    (tmp_path / "client.py").write_text(
        "import requests\n\n\nclass Client:\n    def _request(self, url):\n"
        "        return requests.get(url).json()\n"
    )
    (tmp_path / "geocoding.py").write_text(
        'def geocode(client, address):\n    return client._request("/geocode").get("results")\n'
    )
    analysis = analyse_paths([tmp_path], jobs=1)
    assert analysis.colouring.is_async("geocoding.geocode")
    assert analysis.colouring.review == []
    # The plan says the call was taken for Client._request by the methods called
    # through ``client`` (only Client has ``_request``): a guess.
    reasons = {c.function: c.reason for c in build_plan(analysis).conversions}
    reason = reasons["geocoding.geocode"].replace(f"{tmp_path.name}/", "")
    assert reason == (
        "async because it calls Client._request (geocoding.py:2), taken for it as the"
        " methods called through `client` tell, which calls requests.get (client.py:6)"
    )

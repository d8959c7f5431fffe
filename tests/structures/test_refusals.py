"""Shapes that cannot be carried to async stay sync as a whole, with the plan's reason.

Their golden cases (driven in ``tests/rewrite/test_case_drivers.py``) show the
code still behaves the same; here the plan is checked to say why.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CASES = Path(__file__).resolve().parents[1] / "rewrite" / "cases"


def _project(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    (tmp_path / "pkg" / "__init__.py").touch()
    return tmp_path


def test_a_generator_its_consumer_cannot_follow_stays_sync_and_the_plan_says_why() -> None:
    analysis = analyse_paths([CASES / "async-propagation" / "generator-refused" / "input"])
    colouring = analysis.colouring
    # any() and enumerate() follow the generator (aany, aenumerate); _sized does not:
    # sized() awaits before it hands it back, and stays sync with it.
    assert colouring.is_async("feed.pages.pages")
    assert colouring.is_async("feed.pages.numbered")
    assert colouring.is_async("feed.pages.stats")
    assert not colouring.is_async("feed.pages._sized")
    reasons = [r.reason for r in colouring.review if r.function == "feed.pages._sized"]
    assert len(reasons) == 1
    assert "consumed by sync code (sized)" in reasons[0]


def test_a_lazy_consumer_of_a_generator_expression_refuses(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "feed.py": """
                import itertools

                import requests

                def pages(url):
                    while url:
                        data = requests.get(url).json()
                        yield data
                        url = data["next"]

                def has_any(url):
                    return any(p["items"] for p in pages(url))

                def count(url):
                    return sum(len(p["items"]) for p in pages(url))

                def grouped(url):
                    return [k for k, _ in itertools.groupby(pages(url), key=len)]
            """
        },
    )
    colouring = analyse_paths([root]).colouring
    # groupby() takes items one at a time from a sync iterator: no async form here.
    assert "groupby()" in colouring.boundaries["pkg.feed.pages"]
    assert not colouring.is_async("pkg.feed.count")
    assert not colouring.is_async("pkg.feed.has_any")


def test_a_generator_a_sync_boundary_iterates_stays_sync(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "feed.py": """
                import sys
                import requests

                def pages(url):
                    while url:
                        data = requests.get(url).json()
                        yield data
                        url = data["next"]

                def items(url):
                    for page in pages(url):
                        yield from page["items"]

                if __name__ == "__main__":
                    for item in items(sys.argv[1]):
                        print(item)
            """
        },
    )
    colouring = analyse_paths([root]).colouring
    assert "sync code (<main>)" in colouring.boundaries["pkg.feed.items"]
    assert "sync code (items)" in colouring.boundaries["pkg.feed.pages"]
    assert not colouring.async_functions


def test_a_context_manager_entered_by_sync_code_keeps_its_sync_methods(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "client.py": """
                import requests

                class Api:
                    def __init__(self):
                        self.session = requests.Session()

                    def get(self, path):
                        return self.session.get(path).json()

                    def __enter__(self):
                        return self

                    def __exit__(self, *exc):
                        self.session.close()
            """,
            "cli.py": """
                import sys
                from .client import Api

                if __name__ == "__main__":
                    with Api() as api:
                        print(api.get(sys.argv[1]))
            """,
        },
    )
    colouring = analyse_paths([root]).colouring
    assert colouring.boundaries["pkg.client.Api.__exit__"] == (
        "context manager entered by sync code (<main>)"
    )
    assert not colouring.is_async("pkg.client.Api.__enter__")
    assert colouring.is_async("pkg.client.Api.get")
    assert "pkg.client.Api.__exit__" not in colouring.renamed


def test_a_property_read_on_an_object_of_unknown_type_keeps_a_sync_form(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "models.py": """
                import requests

                class Account:
                    def __init__(self, base):
                        self.base = base

                    @property
                    def profile(self):
                        return requests.get(self.base + "/me").json()

                def describe(account: Account):
                    return account.profile["name"]

                def shout(anything):
                    return anything.profile["name"].upper()
            """
        },
    )
    colouring = analyse_paths([root]).colouring
    # ``anything.profile`` may be it: the property stays, bridging to its twin,
    # which ``describe`` (whose account is known) awaits.
    assert "pkg.models.Account.profile" not in colouring.boundaries
    assert colouring.renamed["pkg.models.Account.profile"] == "aprofile"
    assert colouring.is_async("pkg.models.describe")
    assert not colouring.is_async("pkg.models.shout")


def test_functions_handed_to_a_receiver_that_calls_them_are_followed() -> None:
    analysis = analyse_paths([CASES / "async-propagation" / "functions-as-values" / "input"])
    colouring = analysis.colouring
    reviews = {(r.function, r.span.line): r.reason for r in colouring.review}
    # Every value retry_call and then_friend are given becomes async: both ends do.
    names = ("retry_call", "get_json", "user_with_retries", "user_by_partial", "then_friend")
    for name in (*names, "friend", "for_each"):
        assert colouring.is_async(f"api.calls.{name}"), name
    awaited = {(function, span.line) for function, span in colouring.param_awaits}
    assert ("api.calls.retry_call", 9) in awaited
    assert ("api.calls.then_friend", 35) in awaited
    # each is given a sync function too: it stays sync, the async one is bridged.
    assert not colouring.is_async("api.calls.each")
    assert "fetch_name" in reviews[("api.calls.each", 54)]
    assert "shout" in reviews[("api.calls.each", 54)]
    assert any(b.function == "api.calls.names" for b in colouring.bridges)
    # A client's method handed over, or looked up by getattr: the client converts.
    assert colouring.is_async("api.client.Client.user")
    assert colouring.is_async("api.client.Client.status")
    assert colouring.is_async("api.client.by_verb")
    # A dict of verbs called through its items: a table of verbs, looked up on a client.
    assert ("api.verbs.<module>", 5) not in reviews
    assert colouring.is_async("api.verbs.call")
    assert ("api.verbs.call", 9) in awaited
    # Bound by a module-level partial: named, left on requests.
    assert "functools.partial()" in reviews[("api.verbs.<module>", 12)]
    assert "kept in get_short, called at line 16" in reviews[("api.verbs.<module>", 12)]
    # requests' functions looked up by name: a client's methods, made for the call.
    assert ("api.verbs.looked_up", 20) not in reviews
    assert colouring.is_async("api.verbs.looked_up")


def test_a_receiver_handed_requests_own_keywords_stays_sync(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "calls.py": """
                import requests

                def retry_call(func, *args, **kwargs):
                    return func(*args, **kwargs)

                def head(url):
                    return retry_call(requests.get, url, allow_redirects=False).status_code

                def body(url):
                    return retry_call(requests.get, url).text
            """
        },
    )
    colouring = analyse_paths([root]).colouring
    assert not colouring.is_async("pkg.calls.retry_call")
    assert not colouring.is_async("pkg.calls.body")
    (review,) = [r for r in colouring.review if r.function == "pkg.calls.retry_call"]
    assert "allow_redirects=" in review.reason and "head" not in review.reason
    assert "requests.get" in review.reason


def test_a_receiver_that_keeps_what_it_is_given_stays_sync(tmp_path: Path) -> None:
    root = _project(
        tmp_path,
        {
            "hooks.py": """
                import requests

                HANDLERS = []

                def fetch(url):
                    return requests.get(url).json()

                def register(handler, url):
                    HANDLERS.append(handler)
                    return handler(url)

                def start(url):
                    return register(fetch, url)
            """
        },
    )
    colouring = analyse_paths([root]).colouring
    assert colouring.is_async("pkg.hooks.fetch")
    assert not colouring.is_async("pkg.hooks.register")


def test_a_lambda_making_a_request_handed_on_as_a_value_keeps_its_function_sync(
    tmp_path: Path,
) -> None:
    # It became async around the lambda's blocking request (left on the loop, never
    # awaited); handed to sorted(), the lambda cannot become a nested async def.
    root = _project(
        tmp_path,
        {
            "api.py": """
                import requests

                session = requests.Session()

                def ranked(urls):
                    score = lambda u: session.get(u).json()["score"]
                    return sorted(urls, key=score)

                def first(urls):
                    get = lambda u: session.get(u).json()
                    return get(urls[0])
            """
        },
    )
    colouring = analyse_paths([root]).colouring
    assert not colouring.is_async("pkg.api.ranked")
    assert colouring.is_async("pkg.api.first.get") and colouring.is_async("pkg.api.first")
    (review,) = [r for r in colouring.review if r.function == "pkg.api.ranked"]
    assert review.reason == (
        "ranked stays sync: a lambda in it calls session.get, which would have to be awaited;"
        " a lambda cannot await: rewrite the lambda as a nested async def to migrate it"
    )


def test_a_fake_named_as_the_method_it_stands_for_becomes_async_with_it() -> None:
    # A fixture's closure makes the fake (its type is followed into the test); its
    # get_list is handed where the library hands its own: it joins it.
    analysis = analyse_paths([CASES / "async-propagation" / "fixture-made-fake" / "input"])
    colouring = analysis.colouring
    fake = "test_pages.TestResourceClient.client_constructor.constructor.Fake.get_list"
    reason = colouring.async_functions[fake]
    assert (reason.callee, reason.kind) == ("pages.ResourceClient._iter_pages", "handed")
    for test in ("test_iter_pages", "test_first", "test_first_of_nothing"):
        assert colouring.is_async(f"test_pages.TestResourceClient.{test}"), test
    assert not [r for r in colouring.review if "list_function" in r.reason]


def test_a_dunder_run_by_async_code_becomes_its_async_twin(tmp_path: Path) -> None:
    # jenkinsapi's shape: ``self.plugins[name] = plugin`` in a method that becomes async,
    # with ``plugins`` a property giving a Plugins whose ``__setitem__`` installs. The
    # ``__setitem__`` becomes ``asetitem``, which the method awaits (see twins).
    root = _project(
        tmp_path,
        {
            "ci.py": """
                import time

                import requests


                class Plugins:
                    def __init__(self, url):
                        self.url = url

                    def install(self, name):
                        requests.post(self.url + "/install", data={"name": name})

                    def __setitem__(self, name, plugin):
                        self.install(name)


                class Jenkins:
                    def __init__(self, url):
                        self.url = url

                    @property
                    def plugins(self):
                        return self.get_plugins()

                    def get_plugins(self) -> Plugins:
                        return Plugins(self.url + "/plugins")

                    def install_plugin(self, name):
                        self.plugins[name] = name
                        time.sleep(1)
            """
        },
    )
    colouring = analyse_paths([root]).colouring
    assert colouring.is_async("pkg.ci.Jenkins.install_plugin")
    assert colouring.renamed["pkg.ci.Plugins.__setitem__"] == "asetitem"
    assert not colouring.bridges
    assert not [r for r in colouring.review if r.function == "pkg.ci.Jenkins.install_plugin"]

"""Responses followed into the parameters of the functions they are handed to
(migrate/analyse/responses.py): the verdict each parameter gets in the plan, and
the review items for what no form can carry."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.decisions import Scope
from migrate.analyse.run import analyse_paths
from migrate.plan.build import build_plan
from migrate.plan.edits import plan_edits

HELPERS = {
    "checks.py": """
        class Failed(Exception):
            pass

        def check(resp):
            if not resp.ok:
                raise Failed(resp.reason)
            return resp

        def passed_on(response):
            return check(response).json()

        def encoding(resp):
            return resp.connection
    """,
    "api.py": """
        import requests

        import checks

        class Api:
            def __init__(self):
                self.session = requests.Session()

            def _get(self, url):
                return self.session.get(url)

            def _check(self, r):
                r.raise_for_status()
                return r

            def item(self, url):
                return self._check(self._get(url)).json()

            def listed(self, url):
                r = self._get(url)
                return checks.passed_on(response=r)

        def text(url):
            return checks.encoding(requests.get(url))

        def kept(url):
            return checks.check(requests.get(url))
    """,
    "jobs.py": """
        import requests

        import checks

        def nightly(url):
            return checks.check(requests.get(url)).json()

        def parsed(data):
            return checks.check(data)
    """,
}


def _write(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    return tmp_path


def verdicts(root: Path, *select: str) -> dict[tuple[str, str], str]:
    analysis = analyse_paths([root], scope=Scope(select=select), jobs=1)
    return {
        (function, param): verdict
        for fe in plan_edits(analysis).values()
        for function, params in fe.response_params.items()
        for param, verdict in params.items()
    }


def test_responses_are_followed_through_methods_keywords_returns_and_modules(
    tmp_path: Path,
) -> None:
    found = verdicts(_write(tmp_path, HELPERS))
    assert found == {
        ("api.Api._check", "r"): "httpx",  # handed what _get returns
        ("checks.passed_on", "response"): "httpx",  # by keyword
        ("checks.check", "resp"): "httpx",  # from api, jobs, and passed_on (a chain)
        ("checks.encoding", "resp"): "httpx",
    }


def test_a_gradual_step_gives_helpers_handed_both_kinds_the_forms_both_read(
    tmp_path: Path,
) -> None:
    found = verdicts(_write(tmp_path, HELPERS), "api.*")
    assert found == {
        ("api.Api._check", "r"): "httpx",
        ("checks.passed_on", "response"): "httpx",
        ("checks.check", "resp"): "both",  # jobs.nightly stays on requests
        ("checks.encoding", "resp"): "httpx",
    }


def test_a_value_of_unknown_origin_counts_as_requests_while_requests_calls_remain(
    tmp_path: Path,
) -> None:
    files = dict(HELPERS)
    files["jobs.py"] = files["jobs.py"].replace("requests.get(url)", "url")
    kept = "checks.check(requests.get(url))"
    files["api.py"] = files["api.py"].replace(kept, "requests.get(url)")
    root = _write(tmp_path, files)
    # Every requests call moves: jobs hands over what can only be httpx's now.
    assert verdicts(root)[("checks.check", "resp")] == "httpx"
    # api.kept stays on requests: what jobs hands over may be a requests response.
    assert verdicts(root, "api.Api.*")[("checks.check", "resp")] == "both"


WRAPPED = {
    "backend.py": """
        import requests

        class Result:
            def __init__(self, response):
                self.response = response

        class Backend:
            def __init__(self, session=None):
                self.session = session or requests.Session()

            def send(self, url):
                return Result(self.session.get(url))
    """,
    "client.py": """
        import requests

        def fetch(backend, url):
            return backend.send(url).response

        def body(resp):
            return b"".join(resp.iter_content(1024))

        def download(backend, url):
            return body(fetch(backend, url))

        def direct(url):
            return body(requests.get(url))
    """,
}


def test_what_a_function_gives_out_of_a_wrapper_may_be_a_requests_response(
    tmp_path: Path,
) -> None:
    # ``fetch`` returns what a Result keeps, made by the backend, which this step
    # leaves on requests: ``body`` may get a requests response from it.
    found = verdicts(_write(tmp_path, WRAPPED), "client.*")
    assert found == {("client.body", "resp"): "both"}
    # Handed only what moves, it is httpx's.
    files = dict(WRAPPED)
    files["client.py"] = files["client.py"].replace("body(fetch(backend, url))", "None")
    assert verdicts(_write(tmp_path, files), "client.*") == {("client.body", "resp"): "httpx"}


def test_what_no_form_carries_is_a_review_item_naming_the_helper_and_its_callers(
    tmp_path: Path,
) -> None:
    root = _write(tmp_path, HELPERS)
    plan = build_plan(analyse_paths([root], scope=Scope(select=("api.*",)), jobs=1))
    reasons = [r.reason for r in plan.needs_review if r.function == "checks.check"]
    # Paths as the plan shows them: from the folder holding the project.
    folder = tmp_path.name
    assert reasons == [
        f"check(resp) is handed httpx responses by kept ({folder}/api.py:28), passed_on"
        f" ({folder}/checks.py:11)"
        f" and requests responses by nightly ({folder}/jobs.py:7) and values that may be"
        f" requests responses by parsed ({folder}/jobs.py:10): resp.reason has no form that"
        " works on both, left as it was (AttributeError on an httpx response): move those"
        " callers in the same step, or convert the response first"
    ]
    whole = build_plan(analyse_paths([root], jobs=1))
    reasons = [r.reason for r in whole.needs_review if "is handed httpx responses" in r.reason]
    assert reasons == [
        f"encoding(resp) is handed httpx responses by text ({folder}/api.py:25):"
        " resp.connection"
        " has no httpx twin (AttributeError there): rewrite it"
    ]


def test_a_helper_only_another_helper_calls_is_analysed_for_what_it_is_handed(
    tmp_path: Path,
) -> None:
    root = _write(
        tmp_path,
        {
            "api.py": """
                import requests

                import util

                def fetch(url):
                    return util.parse(requests.get(url))
            """,
            "util.py": """
                import checks

                def parse(resp):
                    checks.ensure(resp)
                    return resp.json()
            """,
            # Imports nothing the analysis starts from, and no async code calls it.
            "checks.py": """
                def ensure(response):
                    if not response.ok:
                        raise ValueError(response.reason)
            """,
        },
    )
    assert verdicts(root) == {
        ("util.parse", "resp"): "httpx",
        ("checks.ensure", "response"): "httpx",
    }


def test_responses_kept_in_collections_are_followed_to_what_their_items_are_handed(
    tmp_path: Path,
) -> None:
    root = _write(
        tmp_path,
        {
            "api.py": """
                import requests

                def check(resp):
                    return resp.ok

                def listed(urls):
                    responses = [requests.get(url) for url in urls]
                    return [check(r) for r in responses]

                def appended(urls):
                    found = []
                    for url in urls:
                        found.append(requests.get(url))
                    for resp in found:
                        check(resp)
                    return check(found[0])
            """,
            "test_api.py": """
                from unittest import mock

                import api

                def test_check():
                    assert api.check(mock.Mock(ok=True))
            """,
        },
    )
    # What a test hands over is a fake that moves with the code it tests.
    assert verdicts(root) == {("api.check", "resp"): "httpx"}
    assert verdicts(root, "api.listed") == {("api.check", "resp"): "both"}

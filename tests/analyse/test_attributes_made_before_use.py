"""``self.auth = TokenAuth(t)`` and then ``self.auth.endpoint()`` further on the
same way through the function: the call is TokenAuth's, whatever else
``self.auth`` is given elsewhere. Made on one branch, or given another value
in a loop body since, it is not known to be one (migrate/analyse/facts.py)."""

from __future__ import annotations

import textwrap

import pytest

from migrate.analyse.review import PLAIN_CALL
from migrate.analyse.run import analyse_paths

CODE = """
    import requests
    from requests.auth import HTTPBasicAuth


    class TokenAuth(requests.auth.AuthBase):
        def __init__(self, token):
            self.token = token

        def __call__(self, request):
            request.headers["Authorization"] = self.token
            return request

        def endpoint(self):
            return requests.get("https://api.example.com/meta", auth=self).json()["url"]


    class Client:
        def __init__(self, token=None):
            self.auth = HTTPBasicAuth("ann", "key")

        def made_just_before(self, token):
            self.auth = TokenAuth(token)
            if token:
                return self.auth.endpoint()
            return None

        def made_on_one_branch(self, token):
            if token:
                self.auth = TokenAuth(token)
            return self.auth.endpoint()

        def given_another_in_a_loop(self, token, users):
            self.auth = TokenAuth(token)
            for user in users:
                self.auth = HTTPBasicAuth(user, "key")
            return self.auth.endpoint()
"""


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("made")
    (folder / "client.py").write_text(textwrap.dedent(CODE))
    analysis = analyse_paths([folder], jobs=1)
    return {
        r.function.rsplit(".", 1)[-1]: r.reason
        for r in analysis.colouring.review
        if PLAIN_CALL in r.reason
    }


def test_made_earlier_on_the_way_there_is_that_class(held: dict[str, str]) -> None:
    assert "made_just_before" not in held


@pytest.mark.parametrize("method", ["made_on_one_branch", "given_another_in_a_loop"])
def test_made_where_it_may_not_hold_is_not_known(held: dict[str, str], method: str) -> None:
    assert "self.auth.endpoint()" in held[method]

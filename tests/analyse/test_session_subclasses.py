"""requests.Session subclasses (migrate/analyse/subclasses.py): converted to
AsyncClient subclasses, or kept on requests with the reason named and their
code left as it is."""

from __future__ import annotations

import textwrap
from pathlib import Path

import httpx
import pytest
import requests

from migrate.analyse.frameworks import ASYNC_CLIENT_NAMES, SESSION_ONLY, SESSION_TWINS
from migrate.analyse.run import analyse_paths
from migrate.cli import main

CONVERTIBLE = """
    import requests

    class Api(requests.Session):
        def __init__(self, token):
            super().__init__()
            self.headers["Authorization"] = token
            self.token = token

        def request(self, method, url, **kwargs):
            return super().request(method, "https://api.example.com" + url, **kwargs)

    def item(item_id):
        return Api("t").get(f"/items/{item_id}").json()
"""

REQUEST = "def request(self, method, url, **kwargs):"
# Each unsafe shape: what replaces the class above, and the reason the plan gives.
REFUSED = {
    "verify set": (
        ("self.token = token", "self.verify = False"),
        "Api uses self.verify: httpx takes verify= only when the client is made",
    ),
    "adapter mounted": (
        ("self.token = token", "self.mount('https://', requests.adapters.HTTPAdapter())"),
        "Api uses self.mount: httpx takes mounts= only when the client is made",
    ),
    "httpx's keyword named": (
        (
            "def request(self, method, url, **kwargs)",
            "def request(self, method, url, content=None, **kwargs)",
        ),
        "Api.request takes content=, which httpx's verbs hand on with another value",
    ),
    "no **kwargs": (
        (
            "def request(self, method, url, **kwargs)",
            "def request(self, method, url, params=None, headers=None)",
        ),
        "Api.request takes no **kwargs, and httpx's verbs hand it auth=",
    ),
    "requests' keyword without **kwargs": (
        (REQUEST, "def post(self, url, data=None):\n        pass\n\n    " + REQUEST),
        "Api.post takes data= but no **kwargs",
    ),
    "positional arguments read": (
        (
            "def request(self, method, url, **kwargs):\n        return super()",
            "def request(self, method, url, *args, **kwargs):\n"
            "        kwargs.update(zip(('params', 'data'), args))\n        return super()",
        ),
        "Api.request reads *args",
    ),
    "client-only keyword per request": (
        (
            REQUEST,
            "def fetch(self, url, verify=None):\n"
            "        return self.get(url, verify=verify)\n\n    " + REQUEST,
        ),
        "Api.fetch hands verify= on per request, which httpx takes only when the client is made",
    ),
    "send overridden": (
        (REQUEST, "def send(self, request, **kwargs):\n        pass\n\n" + REQUEST),
        "Api.send overrides requests.Session.send: httpx's send takes an httpx.Request",
    ),
    "redirect hook": (
        (REQUEST, "def rebuild_auth(self, prepared, response):\n        pass\n\n" + REQUEST),
        "Api.rebuild_auth overrides requests.Session.rebuild_auth: requests' redirect hook",
    ),
    "close overridden": (
        (REQUEST, "def close(self):\n        super().close()\n\n" + REQUEST),
        "Api.close overrides requests.Session.close: the AsyncClient closes with aclose()",
    ),
    "module-level instance": (
        ("def item(item_id):", "SESSION = Api('t')\n\n\ndef item(item_id):"),
        "api.SESSION is a module-level Api: one AsyncClient would serve every event loop",
    ),
    "second base": (
        (
            "class Api(requests.Session):",
            "class Mixin:\n    pass\n\n\nclass Api(Mixin, requests.Session):",
        ),
        "Api derives from more than requests.Session",
    ),
    "no super().__init__": (
        ("super().__init__()", "pass"),
        "Api.__init__ does not call requests.Session.__init__",
    ),
    "adapters read back": (
        (
            "def item(item_id):",
            "def pool(api: Api):\n    return api.adapters['https://']\n\n\ndef item(item_id):",
        ),
        "api.adapters is read (api.py:",
    ),
    "httpx name in the class body": (
        ("class Api(requests.Session):", "class Api(requests.Session):\n    timeout = 30\n"),
        "Api's body sets timeout, which would hide httpx.AsyncClient.timeout",
    ),
    "verb decorated with a library's decorator": (
        (
            REQUEST,
            "@functools.lru_cache\n    def get(self, url, **kwargs):\n        pass\n\n    "
            + REQUEST,
        ),
        "Api.get is decorated with @functools.lru_cache: httpx's callers await it",
    ),
}


# A request method naming requests' keywords or looking inside its **kwargs is
# converted: it gets them back as requests' verbs hand them on.
REQUESTS_VIEWS = {
    "kwargs looked into": (
        "        return super()",
        "        kwargs.setdefault('timeout', 5)\n        return super()",
    ),
    "data parameter": (
        "def request(self, method, url, **kwargs)",
        "def request(self, method, url, data=None, timeout=None, **kwargs)",
    ),
}


def _project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "api.py").write_text(textwrap.dedent(text))
    return tmp_path


def test_a_subclass_using_only_what_an_async_client_has_is_converted(tmp_path: Path) -> None:
    analysis = analyse_paths([_project(tmp_path, CONVERTIBLE)], jobs=1)
    assert analysis.graph.converted == {"api.Api"}
    assert {"api.item", "api.Api.request"} <= set(analysis.colouring.async_functions)
    assert not [r for r in analysis.colouring.review if "requests.Session" in r.reason]


def test_a_request_method_handing_its_star_args_on_whole_is_converted(tmp_path: Path) -> None:
    # httpx's verbs pass everything by keyword: the tuple stays empty, as requests'
    # verbs left it.
    source = (
        textwrap.dedent(CONVERTIBLE)
        .replace("url, **kwargs)", "url, *args, **kwargs)")
        .replace("+ url, **kwargs)", "+ url, *args, **kwargs)")
    )
    assert "*args, **kwargs)" in source
    analysis = analyse_paths([_project(tmp_path, source)], jobs=1)
    assert analysis.graph.converted == {"api.Api"}
    assert "api.item" in analysis.colouring.async_functions


def test_a_subclass_whose_auth_is_read_back_keeps_it_as_set(tmp_path: Path) -> None:
    # ``api.auth[0]``: an AsyncClient hands back an httpx.BasicAuth; the converted
    # class keeps auth as it was set (rewrite/rules/http_subclasses.py).
    source = textwrap.dedent(CONVERTIBLE).replace(
        "def item(item_id):", "def user(api: Api):\n    return api.auth[0]\n\n\ndef item(item_id):"
    )
    analysis = analyse_paths([_project(tmp_path, source)], jobs=1)
    assert analysis.graph.converted == {"api.Api"}
    assert analysis.graph.kept_as_set == {"api.Api": {"auth"}}
    tested = source.replace("return api.auth[0]", "return api.auth is not None")
    analysis = analyse_paths([_project(tmp_path, tested)], jobs=1)
    assert analysis.graph.converted == {"api.Api"}
    assert analysis.graph.kept_as_set == {}


@pytest.mark.parametrize("shape", sorted(REQUESTS_VIEWS))
def test_a_request_method_using_requests_keywords_is_converted(tmp_path: Path, shape: str) -> None:
    old, new = REQUESTS_VIEWS[shape]
    source = textwrap.dedent(CONVERTIBLE)
    assert old in source
    analysis = analyse_paths([_project(tmp_path, source.replace(old, new))], jobs=1)
    assert analysis.graph.converted == {"api.Api"}
    assert "api.item" in analysis.colouring.async_functions


def test_a_verb_wrapped_by_the_project_s_own_decorator_is_converted(tmp_path: Path) -> None:
    """A rate limit of the project's own wraps the verb: the wrapper becomes async
    with it, so the AsyncClient's callers still await what the verb returns."""
    limiter = (
        "def limited(func):\n"
        "    def wrapper(self, url, *args, **kwargs):\n"
        "        time.sleep(0.01)\n"
        "        return func(self, url, *args, **kwargs)\n"
        "    return wrapper\n\n\n"
    )
    verb = "@limited\n    def get(self, url, *args, **kwargs):\n"
    verb += "        return super().get(url, *args, **kwargs)\n\n    "
    source = textwrap.dedent(CONVERTIBLE).replace(
        "import requests\n", "import time\n\nimport requests\n"
    )
    source = source.replace("class Api(", limiter + "class Api(").replace(REQUEST, verb + REQUEST)
    analysis = analyse_paths([_project(tmp_path, source)], jobs=1)
    assert analysis.graph.converted == frozenset({"api.Api"})
    assert {"api.limited.wrapper", "api.Api.get"} <= analysis.colouring.async_functions.keys()


def test_session_defaults_in_the_class_body_are_no_refusal(tmp_path: Path) -> None:
    """``auth = None`` in the body: requests.Session.__init__ sets it on every
    instance, so it never counted; the rewrite drops it (it would hide httpx's)."""
    source = textwrap.dedent(CONVERTIBLE).replace(
        "class Api(requests.Session):", "class Api(requests.Session):\n    auth = None\n"
    )
    analysis = analyse_paths([_project(tmp_path, source)], jobs=1)
    assert analysis.graph.converted == frozenset({"api.Api"})


@pytest.mark.parametrize("shape", sorted(REFUSED))
def test_an_unsafe_subclass_stays_on_requests_with_its_reason(tmp_path: Path, shape: str) -> None:
    (old, new), reason = REFUSED[shape]
    source = textwrap.dedent(CONVERTIBLE)
    assert old in source
    analysis = analyse_paths([_project(tmp_path, source.replace(old, new))], jobs=1)
    assert analysis.graph.converted == frozenset()
    reasons = [r.reason for r in analysis.colouring.review]
    assert any(reason in why and "stays a requests.Session subclass" in why for why in reasons)
    # Nothing made through it moves: the class, its calls and its callers keep requests.
    assert "api.Api.request" not in analysis.colouring.async_functions
    assert "api.item" not in analysis.colouring.async_functions


def test_a_refused_subclass_is_left_untouched(tmp_path: Path) -> None:
    (old, new), _ = REFUSED["verify set"]
    source = textwrap.dedent(CONVERTIBLE).replace(old, new)
    _project(tmp_path, source)
    with pytest.raises(SystemExit):
        main(["apply", str(tmp_path), "--force"])
    assert (tmp_path / "api.py").read_text() == textwrap.dedent(source)


def test_a_subclass_of_a_refused_subclass_is_refused_with_it(tmp_path: Path) -> None:
    (old, new), reason = REFUSED["verify set"]
    source = textwrap.dedent(CONVERTIBLE).replace(old, new)
    source += "\n\nclass Child(Api):\n    def extra(self):\n        return self.get('/x')\n"
    analysis = analyse_paths([_project(tmp_path, source)], jobs=1)
    assert analysis.graph.converted == frozenset()
    assert analysis.graph.subclass_refusals["api.Child"].startswith(reason.split(":")[0])


def test_a_subclass_of_a_converted_subclass_is_an_async_client_too(tmp_path: Path) -> None:
    source = textwrap.dedent(CONVERTIBLE) + (
        "\n\nclass Child(Api):\n    def extra(self):\n        return self.get('/x').json()\n"
    )
    analysis = analyse_paths([_project(tmp_path, source)], jobs=1)
    assert analysis.graph.converted == {"api.Api", "api.Child"}
    assert "api.Child.extra" in analysis.colouring.async_functions


def test_the_async_client_names_are_httpx_s() -> None:
    client = httpx.AsyncClient()
    public = {n for n in {*dir(client), *vars(client)} if not n.startswith("_")}
    assert public == ASYNC_CLIENT_NAMES
    session = requests.Session()
    shared = {n for n in {*dir(session), *vars(session)} if not n.startswith("_")}
    # Every attribute of a Session is either shared with the client (same meaning),
    # refused with a reason, a request method, or renamed (close -> aclose).
    verbs = {"request", "get", "post", "put", "patch", "delete", "head", "options", "close"}
    assert shared <= SESSION_TWINS | set(SESSION_ONLY) | verbs
    assert SESSION_TWINS <= public


AUTH = """
    import requests

    class TokenAuth(requests.auth.AuthBase):
        def __init__(self, token):
            self.token = token

        def __call__(self, r):
            r.headers["Authorization"] = self.token
            return r

    def item(item_id):
        return requests.get(f"https://api.example.com/{item_id}", auth=TokenAuth("t")).json()
"""
# Rewriting the request by what the rule carries over (url, body, headers set
# by = or +=, a tuple included; headers replaced; a logger handed it).
AUTH_REWRITES = {
    "body read": "r.headers['X-Length'] = str(len(r.body or ''))",
    "url set": "r.url = r.url + '?token=1'",
    "url extended": "r.url += '?token=1'",
    "tuple set": "r.url, r.headers, r.body = sign(r.url, r.headers, r.body)",
    "headers replaced": "r.prepare_headers({'Authorization': self.token})",
    "logged": "log.debug('signing %s', r)",
}
AUTH_REFUSED = {
    "requests-only method": (
        ('r.headers["Authorization"] = self.token', "r.prepare_url(r.url, {'t': 1})"),
        "TokenAuth.__call__ uses r.prepare_url, which an httpx.Request has with another meaning",
    ),
    "used in a nested function": (
        (
            'r.headers["Authorization"] = self.token',
            "def sign():\n            return r.body\n        r.headers['X-Sig'] = sign()",
        ),
        "TokenAuth.__call__ uses r in a function or class defined in it",
    ),
    "body deleted": (
        ('r.headers["Authorization"] = self.token', "del r.body"),
        "TokenAuth.__call__ sets r.body other than by = or +=",
    ),
    "url set twice over": (
        ('r.headers["Authorization"] = self.token', "r.url = url = r.url + '?t=1'"),
        "TokenAuth.__call__ sets r.url other than by = or +=",
    ),
    "request handed on": (
        ('r.headers["Authorization"] = self.token', "sign(r)"),
        "TokenAuth.__call__ hands r on whole",
    ),
    "other return": (("return r\n", "return sign(r)\n"), "returns something other than r"),
    "called directly": (
        (
            "def item(item_id):",
            "def signed(prepared):\n    return TokenAuth('t')(prepared)\n\n\ndef item(item_id):",
        ),
        "TokenAuth is called as a function",
    ),
    "handed to a prepared request": (
        (
            "def item(item_id):",
            "def prepared(url):\n    request = requests.Request('GET', url, auth=TokenAuth('t'))\n"
            "    return requests.Session().send(request.prepare())\n\n\ndef item(item_id):",
        ),
        "TokenAuth is handed to code that stays on requests (api.prepared)",
    ),
}


def test_an_auth_using_only_what_an_httpx_request_has_becomes_an_httpx_auth(
    tmp_path: Path,
) -> None:
    analysis = analyse_paths([_project(tmp_path, AUTH)], jobs=1)
    assert analysis.graph.converted_auths == {"api.TokenAuth"}
    assert "api.item" in analysis.colouring.async_functions
    assert not [r for r in analysis.colouring.review if "AuthBase" in r.reason]


@pytest.mark.parametrize("shape", sorted(AUTH_REWRITES))
def test_an_auth_rewriting_the_request_becomes_an_httpx_auth(tmp_path: Path, shape: str) -> None:
    source = textwrap.dedent(AUTH)
    rewritten = source.replace('r.headers["Authorization"] = self.token', AUTH_REWRITES[shape])
    analysis = analyse_paths([_project(tmp_path, rewritten)], jobs=1)
    assert analysis.graph.auth_refusals == {}
    assert analysis.graph.converted_auths == {"api.TokenAuth"}


@pytest.mark.parametrize("shape", sorted(AUTH_REFUSED))
def test_an_unsafe_auth_stays_on_requests_with_its_reason(tmp_path: Path, shape: str) -> None:
    (old, new), reason = AUTH_REFUSED[shape]
    source = textwrap.dedent(AUTH)
    assert old in source
    analysis = analyse_paths([_project(tmp_path, source.replace(old, new))], jobs=1)
    assert analysis.graph.converted_auths == frozenset()
    assert reason in analysis.graph.auth_refusals["api.TokenAuth"]
    reasons = [r.reason for r in analysis.colouring.review]
    assert any("TokenAuth stays a requests auth" in why for why in reasons)
    # The calls handed it stay on requests.
    assert "api.item" not in analysis.colouring.async_functions


def test_a_subclass_holding_an_auth_that_stays_on_requests_stays_with_it(tmp_path: Path) -> None:
    source = textwrap.dedent(AUTH) + textwrap.dedent(
        """
        class Api(requests.Session):
            def __init__(self, token):
                super().__init__()
                self.auth = TokenAuth(token)

        def prepared(url):
            request = requests.Request("GET", url, auth=TokenAuth("t"))
            return requests.Session().send(request.prepare())
        """
    )
    analysis = analyse_paths([_project(tmp_path, source)], jobs=1)
    assert "api.TokenAuth" in analysis.graph.auth_refusals
    assert analysis.graph.converted == frozenset()
    assert "Api sets self.auth to a TokenAuth" in analysis.graph.subclass_refusals["api.Api"]


def test_a_call_handed_a_re_exported_auth_that_stays_names_why_it_stays(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("from .auth import TokenAuth\n")
    (pkg / "auth.py").write_text(
        textwrap.dedent(
            """
            import requests

            class TokenAuth(requests.auth.AuthBase):
                def __call__(self, r):
                    r.prepare_url(r.url, {"token": "t"})
                    return r
            """
        )
    )
    (tmp_path / "api.py").write_text(
        "import requests\nimport pkg\n\n\ndef item(url):\n"
        "    auth = pkg.TokenAuth()\n    return requests.get(url, auth=auth).json()\n"
    )
    analysis = analyse_paths([tmp_path], jobs=1)
    reasons = [r.reason for r in analysis.colouring.review if r.function == "api.item"]
    assert any("TokenAuth stays a requests auth: TokenAuth.__call__ uses" in r for r in reasons)


def test_an_attribute_of_its_own_named_as_httpx_s_takes_a_name_of_its_own(
    tmp_path: Path,
) -> None:
    source = CONVERTIBLE.replace("self.token = token", "self.timeout = 30")
    source += "\n\n    def wait_of(api: Api):\n        return api.timeout\n"
    analysis = analyse_paths([_project(tmp_path, source)], jobs=1)
    graph = analysis.graph
    assert "api.Api" in graph.converted
    new, found = graph.own_attrs["api.Api"]["timeout"]
    assert new == "api_timeout"
    assert len(found) == 2  # ``self.timeout = 30`` and ``api.timeout``


def test_an_attribute_named_as_httpx_s_read_where_no_type_says_whose_stays(
    tmp_path: Path,
) -> None:
    source = CONVERTIBLE.replace("self.token = token", "self.timeout = 30")
    source += "\n\n    def wait_of(api):\n        return api.timeout\n"
    analysis = analyse_paths([_project(tmp_path, source)], jobs=1)
    assert analysis.graph.subclass_refusals["api.Api"] == (
        "Api sets self.timeout, which httpx.AsyncClient has with another meaning"
    )

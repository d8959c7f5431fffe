"""A ``responses`` registration whose ``body=`` is an exception: responses raises
it. The body comes from a parametrize table (all errors, or errors and text), an
assignment in the test, a module constant, or a fixture that may give either:
known errors become the route's ``side_effect=``, a body that may be either a
``side_effect=`` choosing at run time, never ``httpx.Response(content=exc)``
(a TypeError)."""

import pytest
import requests
import responses

from health import ping

BASE = "https://api.example.invalid"
REFUSED = requests.exceptions.ConnectionError("refused")


@pytest.mark.parametrize(
    "exc, expected",
    [
        (requests.exceptions.ConnectTimeout(), "connect-timeout"),
        (requests.exceptions.ReadTimeout(), "read-timeout"),
        pytest.param(requests.exceptions.ConnectionError(), "down", id="down"),
    ],
)
@responses.activate
def test_parametrized_errors(exc, expected):
    responses.add(responses.GET, f"{BASE}/ping", body=exc)
    assert ping(BASE) == expected


@pytest.mark.parametrize(
    "body, expected",
    [("pong", "pong"), (requests.exceptions.ReadTimeout(), "read-timeout")],
)
@responses.activate
def test_a_table_of_bodies_and_errors(body, expected):
    responses.add(responses.GET, f"{BASE}/ping", body=body)
    assert ping(BASE) == expected


@responses.activate
def test_an_error_assigned():
    error = requests.exceptions.ConnectTimeout()
    responses.get(f"{BASE}/ping", body=error)
    assert ping(BASE) == "connect-timeout"


@responses.activate
def test_a_module_constant():
    responses.add(responses.GET, f"{BASE}/ping", body=REFUSED)
    assert ping(BASE) == "down"


@pytest.fixture(params=["text", "error"])
def answer(request):
    if request.param == "error":
        return requests.exceptions.ReadTimeout()
    return "pong"


@responses.activate
def test_a_fixture_giving_either(answer):
    responses.add(responses.GET, f"{BASE}/ping", body=answer)
    assert ping(BASE) == ("pong" if isinstance(answer, str) else "read-timeout")

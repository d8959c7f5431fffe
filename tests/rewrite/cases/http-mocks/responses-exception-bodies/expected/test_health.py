"""A ``responses`` registration whose ``body=`` is an exception: responses raises
it. The body comes from a parametrize table (all errors, or errors and text), an
assignment in the test, a module constant, or a fixture that may give either:
known errors become the route's ``side_effect=``, a body that may be either a
``side_effect=`` choosing at run time, never ``httpx.Response(content=exc)``
(a TypeError)."""

import httpx
import pytest
import respx

from _async_helpers import unmatched_connect_error
from health import ping

BASE = "https://api.example.invalid"
REFUSED = httpx.ConnectError("refused")


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "exc, expected",
    [
        (httpx.ConnectTimeout(""), "connect-timeout"),
        (httpx.ReadTimeout(""), "read-timeout"),
        pytest.param(httpx.ConnectError(""), "down", id="down"),
    ],
)
@respx.mock
async def test_parametrized_errors(exc, expected):
    unmatched_connect_error(respx)
    respx.get(f"{BASE}/ping").mock(side_effect=exc)
    assert await ping(BASE) == expected


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "body, expected",
    [("pong", "pong"), (httpx.ReadTimeout(""), "read-timeout")],
)
@respx.mock
async def test_a_table_of_bodies_and_errors(body, expected):
    unmatched_connect_error(respx)
    respx.get(f"{BASE}/ping").mock(
        side_effect=body if isinstance(body, Exception) else httpx.Response(
            200, content=body
        )
    )
    assert await ping(BASE) == expected


@pytest.mark.asyncio
@respx.mock
async def test_an_error_assigned():
    unmatched_connect_error(respx)
    error = httpx.ConnectTimeout("")
    respx.get(f"{BASE}/ping").mock(side_effect=error)
    assert await ping(BASE) == "connect-timeout"


@pytest.mark.asyncio
@respx.mock
async def test_a_module_constant():
    unmatched_connect_error(respx)
    respx.get(f"{BASE}/ping").mock(side_effect=REFUSED)
    assert await ping(BASE) == "down"


@pytest.fixture(params=["text", "error"])
def answer(request):
    if request.param == "error":
        return httpx.ReadTimeout("")
    return "pong"


@pytest.mark.asyncio
@respx.mock
async def test_a_fixture_giving_either(answer):
    unmatched_connect_error(respx)
    respx.get(f"{BASE}/ping").mock(
        side_effect=answer if isinstance(answer, Exception) else httpx.Response(
            200, content=answer
        )
    )
    assert await ping(BASE) == ("pong" if isinstance(answer, str) else "read-timeout")

import contextlib
from contextlib import ExitStack, asynccontextmanager
from urllib.parse import urljoin

import httpx

from ._async_helpers import TLS_CONTEXT, gather_in_order, httpx_kwargs
from .retrying import retry

BASE = "https://weather.example.com/api/"


class ApiSession(httpx.AsyncClient):
    def __init__(self, base=BASE):
        super().__init__(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
        self.base = base

    async def request(self, method, url, *args, **kwargs):
        resp = await super().request(
            method, urljoin(self.base, url), *args, **httpx_kwargs(kwargs)
        )
        if resp.is_error:
            resp.raise_for_status()
        return resp


@asynccontextmanager
async def api_session(base=BASE):
    s = ApiSession(base)
    try:
        yield s
    finally:
        await s.aclose()


@contextlib.contextmanager
def timed(log):
    log.append("start")
    yield
    log.append("end")


@retry(
    times=2,
    exceptions=(
        httpx.NetworkError,
        httpx.ConnectTimeout,
        httpx.WriteTimeout,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
        httpx.HTTPStatusError,
    ),
)
async def current(city, session=None, base=BASE):
    if session is None:
        async with api_session(base) as s:
            return (await s.get(f"current/{city}")).json()
    return (await session.get(f"current/{city}")).json()


async def forecast(cities, base=BASE):
    log = []
    with timed(log):
        async with api_session(base) as s:
            currents = await gather_in_order(
                (current(city, session=s) for city in cities), limit=10
            )
            temps = [current["temp"] for current in currents]
    return temps, log


async def first_of(cities, base=BASE):
    # A context manager that does no I/O stays sync, entered how it likes.
    with ExitStack() as stack:
        stack.enter_context(timed([]))
        return await current(cities[0], base=base)

import contextlib
from contextlib import ExitStack, contextmanager
from urllib.parse import urljoin

import requests

from .retrying import retry

BASE = "https://weather.example.com/api/"


class ApiSession(requests.Session):
    def __init__(self, base=BASE):
        super().__init__()
        self.base = base

    def request(self, method, url, *args, **kwargs):
        resp = super().request(method, urljoin(self.base, url), *args, **kwargs)
        resp.raise_for_status()
        return resp


@contextmanager
def api_session(base=BASE):
    s = ApiSession(base)
    try:
        yield s
    finally:
        s.close()


@contextlib.contextmanager
def timed(log):
    log.append("start")
    yield
    log.append("end")


@retry(times=2, exceptions=(requests.ConnectionError, requests.HTTPError))
def current(city, session=None, base=BASE):
    if session is None:
        with api_session(base) as s:
            return s.get(f"current/{city}").json()
    return session.get(f"current/{city}").json()


def forecast(cities, base=BASE):
    log = []
    with timed(log), api_session(base) as s:
        temps = [current(city, session=s)["temp"] for city in cities]
    return temps, log


def first_of(cities, base=BASE):
    # A context manager that does no I/O stays sync, entered how it likes.
    with ExitStack() as stack:
        stack.enter_context(timed([]))
        return current(cities[0], base=base)

import httpx

from _async_helpers import TLS_CONTEXT, httpx_kwargs, requests_keywords

BASE = "https://api.example.com"


class TimeoutSession(httpx.AsyncClient):
    """A session with a default timeout, as many clients set one."""

    def __init__(self, default_timeout=7):
        super().__init__(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
        self.default_timeout = default_timeout
        self.timeouts = []

    async def request(self, method, url, **kwargs):
        kwargs = requests_keywords(kwargs)
        kwargs.setdefault("timeout", self.default_timeout)
        self.timeouts.append(kwargs["timeout"])
        return await super().request(method, BASE + url, **httpx_kwargs(kwargs))


class TokenSession(httpx.AsyncClient):
    """Puts a token in the form it sends, or in a header for anything else."""

    def __init__(self, token):
        super().__init__(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
        self.token = token

    async def request(
        self, method, url, data=None, headers=None, timeout=None, **kwargs
    ):
        kwargs = requests_keywords(kwargs)
        data = kwargs.pop("data", data)
        timeout = None if timeout is httpx.USE_CLIENT_DEFAULT else timeout
        headers = dict(headers or {})
        headers["X-Timeout"] = str(timeout)
        if isinstance(data, dict):
            data = {**data, "token": self.token}
        elif data is None and method == "POST":
            data = {"token": self.token}
        else:
            headers["Authorization"] = f"Token {self.token}"
        return await super().request(
            method,
            BASE + url,
            headers=headers,
            **httpx_kwargs({"data": data, "timeout": timeout, **kwargs}),
        )


async def default_timeout():
    async with TimeoutSession() as session:
        await session.get("/items")
        return session.timeouts


async def given_timeout():
    async with TimeoutSession() as session:
        await session.get("/items", timeout=3)
        return session.timeouts


async def form():
    async with TokenSession("t0k") as session:
        return (await session.post("/forms", data={"a": "1"})).json()


async def empty_form():
    async with TokenSession("t0k") as session:
        return (await session.post("/forms")).json()


async def raw():
    async with TokenSession("t0k") as session:
        return (await session.post("/raw", content="a raw body", timeout=4)).json()


async def listing():
    async with TokenSession("t0k") as session:
        return (await session.get("/items", params={"page": 2})).json()


async def moved():
    async with TokenSession("t0k") as session:
        response = await session.get("/old", follow_redirects=False)
        return response.status_code, response.headers["location"]

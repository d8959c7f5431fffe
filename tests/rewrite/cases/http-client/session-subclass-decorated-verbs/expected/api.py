import asyncio
import time
from functools import wraps

import httpx

from _async_helpers import TLS_CONTEXT, httpx_kwargs

BASE = "https://api.example.com"


class Unauthorized(Exception):
    pass


def rate_limited(func):
    """Waits until a second has passed since the session's last request."""

    @wraps(func)
    async def wrapper(self, url, *args, **kwargs):
        if self.last_request is not None:
            delta = time.monotonic() - self.last_request
            if delta < self.interval:
                await asyncio.sleep(self.interval - delta)
        self.last_request = time.monotonic()
        return await func(self, url, *args, **kwargs)

    return wrapper


class ApiSession(httpx.AsyncClient):
    def __init__(self, interval=0.01):
        super(ApiSession, self).__init__(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        )
        self.headers.update({"Accept": "application/json"})
        self.interval = interval
        self.last_request = None

    def basic_auth(self, username, password):
        self.auth = (username, password)

    def token_auth(self, token):
        self.headers["Authorization"] = "Bearer %s" % token

    @rate_limited
    async def get(self, url, *args, **kwargs):
        response = await super(ApiSession, self).get(url, *args, **httpx_kwargs(kwargs))
        if response.status_code == 401:
            raise Unauthorized(url)
        return response

    @rate_limited
    async def put(self, url, *args, **kwargs):
        response = await super(ApiSession, self).put(url, *args, **httpx_kwargs(kwargs))
        if response.status_code == 401:
            raise Unauthorized(url)
        return response


class Project:
    def __init__(self, session):
        self.session = session

    async def title(self, project_id):
        return (await self.session.get(f"{BASE}/projects/{project_id}")).json()["title"]

    async def rename(self, project_id, title):
        response = await self.session.put(
            f"{BASE}/projects/{project_id}", json={"title": title}
        )
        return response.status_code


async def titles(username, password, project_ids):
    # TODO(migrate MIG001): close this client with `await session.aclose()`
    #   (or use `async with`)
    session = ApiSession()
    session.basic_auth(username, password)
    project = Project(session)
    return [await project.title(pid) for pid in project_ids]


async def rename(token, project_id, title):
    # TODO(migrate MIG001): close this client with `await session.aclose()`
    #   (or use `async with`)
    session = ApiSession()
    session.token_auth(token)
    return await Project(session).rename(project_id, title)

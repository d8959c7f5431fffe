import functools

import httpx

from _async_helpers import TLS_CONTEXT

BASE = "https://api.example.com"


def parsed(method):
    @functools.wraps(method)
    async def wrapped(self, *args):
        path = await method(self, *args)
        await self._fetch(path)
        kind = "tags" if "tags" in str(self.last.url) else "items"
        return {"kind": kind, "ok": not self.last.is_error, "data": self.last.json()}

    return wrapped


class Library:
    def __init__(self, user):
        self.user = user
        self.last = None

    async def _fetch(self, path):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            self.last = await http_client.get(
                f"{BASE}/users/{self.user}{path}", timeout=5
            )
        if self.last.is_error:
            self.last.raise_for_status()
        return self.last

    @parsed
    async def items(self):
        return "/items"

    @parsed
    async def tags(self):
        return "/tags"

    def status(self):
        return {
            "reason": self.last.reason_phrase,
            "url": str(self.last.url),
            "total": self.total(),
        }

    def total(self):
        return int(self.last.headers["Total-Results"])


async def browse(user):
    library = Library(user)
    return (
        await library.items(),
        library.status(),
        await library.tags(),
        library.status(),
    )

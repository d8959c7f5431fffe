import httpx

from _async_helpers import TLS_CONTEXT


class Feed:
    def __init__(self, base, path):
        self.base = base
        self.path = path

    async def entries(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (await http_client.get(self.base + self.path, timeout=5)).json()


class NewsFeed(Feed):
    pass


def open_feed(kind, base, path):
    return kind(base, path)

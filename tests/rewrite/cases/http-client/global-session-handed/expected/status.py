import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


def _new_session() -> httpx.AsyncClient:
    SESSION = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
    SESSION.headers["Accept"] = "application/json"
    return SESSION


SESSION = AsyncClientPerLoop(_new_session)


async def fetch(session, url):
    return (await session.get(url, timeout=5)).json()


async def status():
    return await fetch(SESSION, "https://api.example.com/status")


class Api:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.headers["Accept"] = "application/json"
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def status(self):
        return await fetch(self.session, "https://api.example.com/status")

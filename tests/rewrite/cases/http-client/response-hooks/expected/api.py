import httpx

from _async_helpers import (
    TLS_CONTEXT,
    AsyncClientPerLoop,
    gather_in_order,
    response_hook,
)

SEEN = []


class NotFound(Exception):
    pass


def check(response, *args, **kwargs):
    if response.status_code == 404:
        response.close()
        raise NotFound(response.url)


def record(response, **kwargs):
    SEEN.append((response.status_code, response.json().get("name")))


class Client:
    def __init__(self, base):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.event_hooks["response"].append(response_hook(check))
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def user(self, uid):
        return (await self.session.get(f"{self.base}/users/{uid}", timeout=5)).json()


class Audited:
    def __init__(self, base):
        self.base = base
        self.log = []

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )
            session.event_hooks["response"] = [
                response_hook(self._audit),
                response_hook(check),
            ]
            return session

        self.session = AsyncClientPerLoop(_new_session)

    def _audit(self, response, *args, **kwargs):
        self.log.append(response.status_code)

    async def user(self, uid):
        return (await self.session.get(f"{self.base}/users/{uid}", timeout=5)).json()


async def names(base, uids):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        session.event_hooks = {"response": [response_hook(record)]}
        responses = await gather_in_order(
            (session.get(f"{base}/users/{uid}", timeout=5) for uid in uids), limit=10
        )
        return [response.json()["name"] for response in responses]


async def checked_name(base, uid):
    async with httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        event_hooks={"response": [response_hook(check)]},
        verify=TLS_CONTEXT,
    ) as http_client:
        response = await http_client.get(f"{base}/users/{uid}", timeout=5)
    return response.json()["name"]


async def recorded_name(base, uid):
    async with httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        event_hooks={"response": [response_hook(record)]},
        verify=TLS_CONTEXT,
    ) as http_client:
        return (await http_client.get(
            f"{base}/users/{uid}", timeout=5
        )).json()["name"]

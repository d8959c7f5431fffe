import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_tls


class Api:
    def __init__(self, url, session=None, verify_ssl=True, timeout=10):
        self.url = url
        self.verify_ssl = verify_ssl
        self.timeout = timeout
        if session is None:
            def _new_session() -> httpx.AsyncClient:
                return httpx.AsyncClient(
                    follow_redirects=True,
                    timeout=None,
                    verify=requests_tls(self.verify_ssl),
                )

            self._session = AsyncClientPerLoop(_new_session)
        else:
            self._session = session

    async def request(self, method, path, data=None):
        # TODO(migrate MIG001): verify= is the client's in httpx:
        #   one handed in keeps its own
        response = await self._session.request(
            method,
            self.url + path,
            json=data,
            timeout=self.timeout,
        )
        if response.is_error:
            response.raise_for_status()
        return response

    async def item(self, number):
        return (await self.request("GET", f"/items/{number}")).json()

    async def create(self, data):
        return (await self.request("POST", "/items", data)).json()


class Monitor:
    """Its requests verify as they are told, one by one: nothing moves."""

    def __init__(self, url):
        self.url = url

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def status(self, strict=True):
        # TODO(migrate MIG001): verify= is set on the client in httpx, not per request
        return (await self.session.get(self.url + "/status", timeout=5)).json()


async def fetch(base, number, verify_ssl=True):
    return await Api(base, verify_ssl=verify_ssl).item(number)


async def create(base, data, verify_ssl=True):
    return await Api(base, verify_ssl=verify_ssl).create(data)


async def status(base, strict):
    return await Monitor(base).status(strict)

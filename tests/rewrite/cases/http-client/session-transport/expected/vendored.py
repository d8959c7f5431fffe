import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Ping:
    def __init__(self, base, retries=5):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True,
                timeout=None,
                mounts={
                    "http://": httpx.AsyncHTTPTransport(
                        retries=retries, verify=TLS_CONTEXT
                    )
                },
                verify=TLS_CONTEXT,
            )
            # TODO(migrate MIG001): Retry(status_forcelist=) not carried: httpx retries connections only
            return session

        self.session = AsyncClientPerLoop(_new_session)

    async def status(self):
        return (await self.session.get(self.base + "/status", timeout=5)).json()

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, RetryTransport


class Ping:
    def __init__(self, base, retries=5):
        self.base = base

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True,
                timeout=None,
                mounts={
                    "http://": RetryTransport(
                        httpx.AsyncHTTPTransport(retries=retries, verify=TLS_CONTEXT),
                        total=retries,
                        backoff_factor=0.5,
                        status_forcelist=[502, 503, 504],
                    )
                },
                verify=TLS_CONTEXT,
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def status(self):
        return (await self.session.get(self.base + "/status", timeout=5)).json()

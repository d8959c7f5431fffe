import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Client:
    """Makes its session on first use."""

    def __init__(self, base):
        self.base = base
        self._session = None

    def _get_session(self):
        if self._session is None:
            def _new_session() -> httpx.AsyncClient:
                _session = httpx.AsyncClient(
                    follow_redirects=True, timeout=None, verify=TLS_CONTEXT
                )
                _session.headers["X-Client"] = "hub"
                return _session

            self._session = AsyncClientPerLoop(_new_session)
        return self._session

    async def aclose(self):
        if self._session is not None:
            await self._session.aclose()

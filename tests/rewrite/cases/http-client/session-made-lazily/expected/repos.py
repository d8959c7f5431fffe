import httpx

from ._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Repos:
    def __init__(self, base, token):
        self.base = base
        self.token = token
        self._http = None

    @property
    def http(self):
        if self._http is None:
            def _new_http() -> httpx.AsyncClient:
                _http = httpx.AsyncClient(
                    follow_redirects=True, timeout=None, verify=TLS_CONTEXT
                )
                _http.headers["Authorization"] = f"token {self.token}"
                return _http

            self._http = AsyncClientPerLoop(_new_http)
        return self._http

    async def repo(self, owner, name):
        r = await self.http.get(f"{self.base}/repos/{owner}/{name}")
        if r.is_error:
            r.raise_for_status()
        return r.json()

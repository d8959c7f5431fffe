import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class ClientCredentials(httpx.Auth):
    """OAuth2 client credentials: the token is fetched on first use, then kept."""

    def __init__(self, token_url, client_id, client_secret):
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self._token = None

    async def _fetch_token(self):
        async with httpx.AsyncClient(verify=TLS_CONTEXT) as http_client:
            resp = await http_client.post(
                self.token_url,
                data={"grant_type": "client_credentials"},
                auth=(self.client_id, self.client_secret),
            )
        resp.raise_for_status()
        return resp.json()["access_token"]

    async def async_auth_flow(self, request):
        if self._token is None:
            self._token = await self._fetch_token()
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


class Api:
    def __init__(self, base, auth):
        def _new_http() -> httpx.AsyncClient:
            return httpx.AsyncClient(base_url=base, auth=auth, verify=TLS_CONTEXT)

        self._http = AsyncClientPerLoop(_new_http)

    async def item(self, name):
        resp = await self._http.get(f"/items/{name}")
        resp.raise_for_status()
        return resp.json()


async def item(base, token_url, name):
    return await Api(base, ClientCredentials(token_url, "id", "secret")).item(name)

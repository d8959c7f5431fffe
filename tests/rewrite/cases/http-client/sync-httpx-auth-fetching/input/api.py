import httpx


class ClientCredentials(httpx.Auth):
    """OAuth2 client credentials: the token is fetched on first use, then kept."""

    def __init__(self, token_url, client_id, client_secret):
        self.token_url = token_url
        self.client_id = client_id
        self.client_secret = client_secret
        self._token = None

    def _fetch_token(self):
        resp = httpx.post(
            self.token_url,
            data={"grant_type": "client_credentials"},
            auth=(self.client_id, self.client_secret),
        )
        resp.raise_for_status()
        return resp.json()["access_token"]

    def auth_flow(self, request):
        if self._token is None:
            self._token = self._fetch_token()
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request


class Api:
    def __init__(self, base, auth):
        self._http = httpx.Client(base_url=base, auth=auth)

    def item(self, name):
        resp = self._http.get(f"/items/{name}")
        resp.raise_for_status()
        return resp.json()


def item(base, token_url, name):
    return Api(base, ClientCredentials(token_url, "id", "secret")).item(name)

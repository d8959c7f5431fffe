import httpx

from ._async_helpers import TLS_CONTEXT, gather_in_order


class TokenAuth(httpx.Auth):
    def __init__(self, token):
        self.token = token

    def auth_flow(self, request):
        request.headers["Authorization"] = f"Bearer {self.token}"
        yield request

    async def endpoint(self, metadata_url):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(metadata_url, auth=self)
        if response.is_error:
            response.raise_for_status()
        return response.json()["endpoint"]


class Client:
    @classmethod
    async def create(cls, base, user=None, key=None, token=None, metadata_url=None):
        """Make a Client, awaiting what its constructor did."""
        self = cls.__new__(cls)
        await self._async_init(base, user, key, token, metadata_url)
        return self

    async def _async_init(
        self, base, user=None, key=None, token=None, metadata_url=None
    ):
        if token:
            # self.auth holds a requests HTTPBasicAuth on the other branch; here it
            # was just made a TokenAuth.
            self.auth = TokenAuth(token)
            self.base = await self.auth.endpoint(metadata_url)
        else:
            self.auth = httpx.BasicAuth(user, key)
            self.base = base

    async def balance(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(f"{self.base}/balance", auth=self.auth)
        if response.is_error:
            response.raise_for_status()
        return response.json()["balance"]


async def both_balances(base, metadata_url):
    by_key, by_token = await gather_in_order(
        Client.create(base, user="ann", key="k1"),
        Client.create(base, token="t1", metadata_url=metadata_url),
    )
    first_balance, second_balance = await gather_in_order(
        by_key.balance(),
        by_token.balance(),
    )
    return first_balance, second_balance

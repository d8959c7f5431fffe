import hashlib
import hmac

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, requests_values

BASE = "https://api.example.com"


class SignatureAuth(httpx.Auth):
    def __init__(self, secret):
        self.secret = secret

    def auth_flow(self, request):
        message = request.method + request.url.raw_path.decode("ascii")
        digest = hmac.new(self.secret.encode(), message.encode(), hashlib.sha256)
        request.headers["X-Signature"] = digest.hexdigest()
        request.headers["X-Signed"] = message
        yield request


class Client:
    def __init__(self, secret):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True,
                timeout=None,
                auth=SignatureAuth(secret),
                verify=TLS_CONTEXT,
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def call(self, method, path, params=None):
        response = await self.session.request(
            method, BASE + path, params=requests_values(params), timeout=5
        )
        if response.is_error:
            response.raise_for_status()
        return response


async def signature_of(secret, method, path, params):
    response = await Client(secret).call(method, path, params)
    return response.request.headers["X-Signed"], response.request.headers["X-Signature"]

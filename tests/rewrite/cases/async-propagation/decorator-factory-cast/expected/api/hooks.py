import httpx

from api._async_helpers import TLS_CONTEXT, AsyncClientPerLoop
from api.errors import HookTestError, HttpError, on_http_error

BASE = "https://hooks.example.com"


class Hook:
    def __init__(self, hook_id):
        self.id = hook_id

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def post(self, path):
        response = await self.session.post(BASE + path, timeout=10)
        if response.status_code >= 400:
            raise HttpError(response.json()["message"], response.status_code)
        return response.json()

    @on_http_error(HookTestError)
    async def test(self):
        return await self.post(f"/hooks/{self.id}/test")


async def test_hook(hook_id):
    try:
        return await Hook(hook_id).test()
    except HookTestError as e:
        return {"failed": e.message, "code": e.code}

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

BASE = "http://push.example.com"


class Notifier:
    def __init__(self, token):
        self.token = token

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def detach(self):
        await self.session.aclose()
        self.session = None

    async def send(self, message):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            post = self.session.post if self.session else http_client.post
            resp = await post(
                BASE + "/messages", data={"token": self.token, "message": message}
            )
        if resp.is_error:
            resp.raise_for_status()
        return resp.json()

    async def status(self, receipt):
        get = self.session.get
        resp = await get(BASE + "/receipts/" + receipt, params={"token": self.token})
        return resp.status_code, resp.json()

    async def acknowledged(self, receipts):
        return await gather_in_order(
            (_acknowledged(self.session, receipt) for receipt in receipts), limit=10
        )


async def _acknowledged(session, receipt):
    get = session.get
    return (await get(BASE + "/receipts/" + receipt)).json()["acknowledged"]


async def limits(token):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        get = http_client.get
        resp = await get(BASE + "/limits", params={"token": token})
    if resp.is_error:
        return None
    return resp.json()["remaining"]

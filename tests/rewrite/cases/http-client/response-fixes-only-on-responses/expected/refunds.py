import httpx

from _async_helpers import TLS_CONTEXT


class Refund:
    def __init__(self, data):
        self.reason = data["reason"]
        self.ok = data["approved"]


async def get_refund(base, refund_id):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        data = (await http_client.get(f"{base}/refunds/{refund_id}", timeout=5)).json()
    return Refund(data)


async def fetch(base, path):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return await http_client.get(f"{base}{path}", timeout=5)


async def describe(base, refund_id):
    refund = await get_refund(base, refund_id)
    if not refund.ok:
        return f"refused: {refund.reason}"
    return "approved"


async def status(base):
    response = await fetch(base, "/status")
    if response.is_error:
        return response.reason_phrase
    return "up"

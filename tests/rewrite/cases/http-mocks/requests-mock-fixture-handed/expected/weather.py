import httpx

from _async_helpers import TLS_CONTEXT


async def temperature(city):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"http://wx.test/current/{city}", timeout=3)
    if response.status_code == 404:
        return None
    if response.is_error:
        response.raise_for_status()
    return response.json()["temp"]

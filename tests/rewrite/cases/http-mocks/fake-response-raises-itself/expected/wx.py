import httpx

from _async_helpers import TLS_CONTEXT

BASE = "http://wx.example.com/v1"


async def forecast(city):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            r = await http_client.get(
                f"{BASE}/forecast", params={"city": city}, timeout=5
            )
        if r.is_error:
            r.raise_for_status()
    except httpx.HTTPStatusError as e:
        if e.response.status_code == 404:
            return []
        raise
    return r.json()["days"]


async def status_of(city):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            (
                await http_client.get(
                    f"{BASE}/forecast", params={"city": city}, timeout=5
                )
            ).raise_for_status()
    except httpx.HTTPStatusError as e:
        return e.response.status_code
    return 200

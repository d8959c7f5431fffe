import asyncio
import urllib.parse

import httpx

BASE = "http://weather.example.com"


class UnknownPlace(Exception):
    pass


async def _get(path, params, retries=2):
    url = BASE + path + "?" + urllib.parse.urlencode(params)
    for attempt in range(retries + 1):
        try:
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None
            ) as http_client:
                resp = await http_client.get(url, timeout=5)
                resp.raise_for_status()
                return resp.json()
        except httpx.HTTPStatusError as exc:
            if exc.response.status_code == 404:
                raise UnknownPlace(params) from exc
            if exc.response.status_code < 500 or attempt == retries:
                raise
        await asyncio.sleep(0.01)


async def current(city):
    return (await _get("/current", {"q": city}))["temp"]

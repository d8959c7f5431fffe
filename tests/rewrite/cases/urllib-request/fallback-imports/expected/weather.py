import json

import httpx

from _async_helpers import gather_in_order

try:
    # Python 3
    from urllib.parse import urlencode
except ImportError:
    # Python 2
    from urllib import urlencode

BASE = "http://weather.example.com"


async def current(city):
    url = f"{BASE}/current?{urlencode({'city': city})}"
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None
        ) as http_client:
            response = await http_client.get(url, timeout=10)
            response.raise_for_status()
            return json.loads(response.content)
    except httpx.HTTPStatusError as error:
        return {"city": city, "error": error.response.status_code}


async def forecast(cities):
    cities = list(cities)
    currents = await gather_in_order((current(city) for city in cities), limit=10)
    return {city: current.get("temp") for city, current in zip(cities, currents)}

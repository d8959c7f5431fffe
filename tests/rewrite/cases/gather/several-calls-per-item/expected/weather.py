import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order

BASE = "http://weather"


async def current(city):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{BASE}/now/{city}", timeout=5)).json()


async def forecast(city, days=3):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(
                f"{BASE}/forecast/{city}", params={"days": days}, timeout=5
            )
        ).json()


async def cards(cities):
    cities = list(cities)
    results = await gather_in_order(
        ((current(city), forecast(city, 7)) for city in cities), limit=10
    )
    return [
        {"city": city, "now": now, "week": week}
        for city, (now, week) in zip(cities, results)
    ]


async def pairs(cities):
    return await gather_in_order(
        ((current(city), forecast(city)) for city in cities), limit=10
    )


async def spread(cities):
    cities = list(cities)
    results = await gather_in_order(
        ((current(city), forecast(city)) for city in cities), limit=10
    )
    temps = {
        city: (current_result["temp"], forecast_result["high"])
        for city, (current_result, forecast_result) in zip(cities, results)
    }
    return {city: high - now for city, (now, high) in temps.items()}

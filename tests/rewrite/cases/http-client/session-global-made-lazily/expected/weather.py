import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

BASE = "https://api.example.com"
_SESSION = None


def get_session():
    global _SESSION
    if _SESSION is None:
        def _new_session() -> httpx.AsyncClient:
            session = httpx.AsyncClient(
                follow_redirects=True,
                timeout=None,
                params={"units": "metric"},
                verify=TLS_CONTEXT,
            )
            session.headers["X-Weather-Client"] = "1"
            return session

        _SESSION = AsyncClientPerLoop(_new_session)
    return _SESSION


async def forecast(city):
    r = await get_session().get(f"{BASE}/forecast/{city}")
    if r.is_error:
        r.raise_for_status()
    return r.json()


async def forecasts(cities):
    cities = list(cities)
    forecasts_2 = await gather_in_order((forecast(city) for city in cities), limit=10)
    return {city: forecast["temp"] for city, forecast in zip(cities, forecasts_2)}

import httpx

from geo._async_helpers import TLS_CONTEXT, gather_outcomes

API = "http://geo.example.com"


class GeoError(Exception):
    pass


async def locate(ip):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{API}/ip/{ip}", timeout=2)
    if response.status_code == 404:
        raise GeoError(ip)
    if response.is_error:
        response.raise_for_status()
    data = response.json()
    return data["city"], data["country"]


async def countries(ips):
    seen = []
    outcomes = await gather_outcomes(
        (locate(ip) for ip in ips), limit=10, caught=GeoError
    )
    for outcome in outcomes:
        try:
            _, country = outcome.result()
        except GeoError:
            continue
        if country not in seen:
            seen.append(country)
    return seen

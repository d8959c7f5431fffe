from _async_helpers import requests_values


async def fetch_json(session, url, **params):
    response = await session.get(url, params=requests_values(params), timeout=10)
    if response.is_error:
        response.raise_for_status()
    return response.json()

from _async_helpers import requests_params


async def fetch_json(session, url, **params):
    response = await session.get(url, params=requests_params(url, params), timeout=10)
    if response.is_error:
        response.raise_for_status()
    return response.json()

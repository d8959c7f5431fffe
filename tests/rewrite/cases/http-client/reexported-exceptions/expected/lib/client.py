import httpx

from ._async_helpers import TLS_CONTEXT
from .errors import LibError


async def fetch(url):
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(url, timeout=2)
        if response.is_error:
            response.raise_for_status()
    except httpx.HTTPStatusError as exc:
        raise LibError(exc.response.status_code) from exc
    except httpx.TimeoutException:
        return None
    return response.json()

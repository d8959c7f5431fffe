import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order, gather_outcomes


async def logins(base, ids):
    found = []
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        responses = await gather_in_order(
            (http_client.get(f"{base}/users/{uid}", timeout=5) for uid in ids),
            limit=10,
            raise_for_status=True,
        )
    for response in responses:
        if response.is_error:
            response.raise_for_status()
        found.append(response.json()["login"])
    return found


async def logins_counted(base, ids):
    found, errors = [], 0
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        outcomes = await gather_outcomes(
            (http_client.get(f"{base}/users/{uid}", timeout=5) for uid in ids),
            limit=10,
            caught=(
                httpx.NetworkError,
                httpx.ConnectTimeout,
                httpx.WriteTimeout,
                httpx.RemoteProtocolError,
                httpx.ProxyError,
            ),
            raise_for_status=True,
        )
    for outcome in outcomes:
        try:
            response = outcome.result()
            if response.is_error:
                response.raise_for_status()
        except (
            httpx.NetworkError,
            httpx.ConnectTimeout,
            httpx.WriteTimeout,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
        ):
            errors += 1
            continue
        found.append(response.json()["login"])
    return found, errors

import httpx
from flask import current_app

from ._async_helpers import TLS_CONTEXT


async def introspect(token):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.post(
            f"{current_app.config['AUTH_URL']}/introspect", data={"token": token}
        )
    if r.is_error:
        r.raise_for_status()
    return r.json()

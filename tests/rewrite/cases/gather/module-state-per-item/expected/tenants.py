import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, gather_in_order

BASE = "https://api.example.com"
CONFIG = {"region": "eu"}
TOKEN = None


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


async def get(path):
    response = await session.get(BASE + path, timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def usage_by_tenant(tenants):
    out = {}
    for tenant in tenants:
        session.headers["X-Tenant"] = tenant
        out[tenant] = await get("/usage")
    return out


async def whoami():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(
            BASE + "/me", headers={"Authorization": f"token {TOKEN}"}, timeout=5
        )
    return response.json()["login"]


async def identities(tokens):
    global TOKEN
    out = []
    for token in tokens:
        TOKEN = token
        out.append(await whoami())
    return out


def regional_url(path):
    return f"{BASE}/{CONFIG['region']}{path}"


async def prices(regions):
    out = []
    for region in regions:
        CONFIG["region"] = region
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            out.append(
                (await http_client.get(regional_url("/price"), timeout=5)).json()[
                    "price"
                ]
            )
    return out


async def sizes(names):
    # Reads BASE, which no item changes: run together.
    out = []
    responses = await gather_in_order(
        (get(f"/sizes/{name}") for name in names), limit=10
    )
    for response in responses:
        out.append(response["size"])
    return out

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop


def _new_session() -> httpx.AsyncClient:
    session = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
    session.headers["Accept"] = "application/json"
    return session


session = AsyncClientPerLoop(_new_session)


async def log_in(user, password):
    r = await session.post(
        "http://accounts.example.com/login", json={"user": user, "password": password}
    )
    if r.is_error:
        r.raise_for_status()
    session.headers["Authorization"] = "Bearer " + r.json()["token"]


async def me():
    r = await session.get("http://accounts.example.com/me")
    if r.is_error:
        r.raise_for_status()
    return r.json()

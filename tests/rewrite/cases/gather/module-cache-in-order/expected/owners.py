import httpx

from _async_helpers import TLS_CONTEXT

_users = {}
SEEN = []


async def get_user(base, uid):
    if uid not in _users:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.get(f"{base}/users/{uid}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        _users[uid] = response.json()
    return _users[uid]


async def owner_logins(base, repos):
    return [(await get_user(base, repo["owner"]))["login"] for repo in repos]


async def fetch_logged(base, uid):
    SEEN.append(uid)
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{base}/users/{uid}", timeout=5)).json()["login"]


async def logged_logins(base, uids):
    logins = []
    for uid in uids:
        logins.append(await fetch_logged(base, uid))
    return logins

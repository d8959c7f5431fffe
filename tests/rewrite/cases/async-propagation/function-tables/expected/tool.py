import httpx

from _async_helpers import TLS_CONTEXT, gather_in_order


async def show_user(base, name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(f"{base}/users/{name}", timeout=5)).json()["name"]


async def show_repo(base, name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(f"{base}/repos/{name}", timeout=5)
    if response.is_error:
        response.raise_for_status()
    return response.json()["stars"]


async def show_version(base, name):
    return f"{name} 1.0"


COMMANDS = {"user": show_user, "repo": show_repo, "version": show_version}


async def run(base, command, name):
    return await COMMANDS[command](base, name)


async def run_all(base, name):
    results = await gather_in_order(
        (COMMANDS[command](base, name) for command in ("user", "version")), limit=10
    )
    return dict(zip(("user", "version"), results))

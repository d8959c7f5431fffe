import httpx2

from _async_helpers import TLS_CONTEXT

BASE = "https://api.example.com"


async def fetch_user(user_id):
    async with httpx2.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(
            f"{BASE}/users/{user_id}", params={"full": "1"}, timeout=5
        )
    return resp.json()


async def fetch_no_timeout(path):
    async with httpx2.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(BASE + path)).json()


async def fetch_no_redirects(path):
    async with httpx2.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.get(BASE + path, follow_redirects=False, timeout=3)
        ).status_code


async def fetch_split_timeout(path):
    async with httpx2.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(BASE + path, timeout=(3.05, 27))).text


async def exists(path):
    async with httpx2.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.head(BASE + path, timeout=2, follow_redirects=False)
        ).status_code == 200


async def remove(path, reason):
    async with httpx2.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.request(
                "DELETE", BASE + path, json={"reason": reason}, timeout=2
            )
        ).status_code


async def remove_plain(path):
    async with httpx2.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.delete(BASE + path, timeout=2)).status_code

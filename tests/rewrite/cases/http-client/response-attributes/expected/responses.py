import httpx

from _async_helpers import TLS_CONTEXT


async def describe(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(url, timeout=5)
    if resp.is_error:
        return f"{resp.status_code} {resp.reason_phrase} from {resp.url}"
    return "fine"


async def checked(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(url, timeout=5)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()


async def lines(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(url, timeout=5)
    return list(resp.content.splitlines())


def from_parameter(resp: httpx.Response) -> bool:
    return not resp.is_error


async def load(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return from_parameter(await http_client.get(url, timeout=5))


async def status_after_check(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(url, timeout=5)
    return (resp.raise_for_status() if resp.is_error else None) or resp.status_code


async def check_result(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(url, timeout=5)
    return resp.raise_for_status() if resp.is_error else None


async def moved_for_good(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(url, timeout=5, follow_redirects=False)
    if not (resp.status_code in (301, 308) and "location" in resp.headers):
        return None
    return resp.headers["location"]

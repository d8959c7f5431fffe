import httpx

from _async_helpers import TLS_CONTEXT, requests_tls, response_hook


async def fetch_insecure(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=False
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def fetch_with_cookies(url, cookies):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, cookies=cookies, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()


async def fetch_with_cert(url):
    async with httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        verify=requests_tls(cert=("client.crt", "client.key")),
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()


PROXY = "http://proxy.internal:3128"


async def fetch_via_proxy(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, proxy=PROXY, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()


def log_response(response, *args, **kwargs):
    print(response.status_code)


async def fetch_logged(url):
    async with httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        event_hooks={"response": [response_hook(log_response)]},
        verify=TLS_CONTEXT,
    ) as http_client:
        return (await http_client.get(url, timeout=5)).json()

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop, event_hook


def _new_client() -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url="https://api.example.com", timeout=10, verify=TLS_CONTEXT
    )


client = AsyncClientPerLoop(_new_client)


async def fetch_one_off(url):
    async with httpx.AsyncClient(verify=TLS_CONTEXT) as http_client:
        return (await http_client.get(url)).json()


async def fetch_shared(path):
    resp = await client.get(path)
    resp.raise_for_status()
    return resp.json()


async def where(path):
    resp = await client.get(path)
    async with httpx.AsyncClient(verify=TLS_CONTEXT) as http_client:
        return resp.url.path, (await http_client.get(str(resp.url))).url.path


SEEN = []


def _log_request(request):
    SEEN.append(request.url.path)


class Api:
    def __init__(self, base, retries=2):
        def _new_http() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                base_url=base,
                transport=httpx.AsyncHTTPTransport(retries=retries),
                event_hooks={
                    "request": [event_hook(_log_request)],
                    "response": [event_hook(lambda r: r.raise_for_status())],
                },
            )

        self._http = AsyncClientPerLoop(_new_http)

    async def item(self, path):
        return (await self._http.get(path)).json()


async def status(url):
    async with httpx.AsyncClient(
        mounts={"http://": httpx.AsyncHTTPTransport(retries=1)}, verify=TLS_CONTEXT
    ) as c:
        return (await c.get(url)).status_code


async def status_again(url, retries=2):
    transport = httpx.AsyncHTTPTransport(retries=retries)
    async with httpx.AsyncClient(transport=transport) as c:
        return (await c.get(url)).status_code

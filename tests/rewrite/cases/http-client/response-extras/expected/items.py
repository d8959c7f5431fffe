import httpx

from _async_helpers import TLS_CONTEXT, apparent_encoding


async def info(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(url, timeout=5)
    return {
        "ok": not r.is_error,
        "sid": dict(r.cookies).get("sid"),
        "hops": len(r.history),
        "type": r.headers.get("content-type", "").split(";")[0],
    }


async def session_cookies(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as s:
        await s.get(url, timeout=5)
        return dict(s.cookies)


async def guess(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(url, timeout=5)
    return apparent_encoding(r)


async def page_text(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        r = await http_client.get(url, timeout=5)
    r.encoding = apparent_encoding(r)
    return r.text

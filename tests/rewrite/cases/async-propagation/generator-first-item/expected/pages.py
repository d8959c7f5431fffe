from contextlib import aclosing

import httpx

from _async_helpers import TLS_CONTEXT

# Pages whose generator has finished with them (closed early, or run out).
finished = []


async def items(url):
    while url:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            page = (await http_client.get(url)).json()
        for item in page["items"]:
            yield item
        url = page["next"]


async def held_items(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as session:
        try:
            while url:
                page = (await session.get(url)).json()
                for item in page["items"]:
                    yield item
                url = page["next"]
        finally:
            finished.append(url)


async def first_item(url):
    return await anext(items(url), None)


async def first_held(url):
    async with aclosing(held_items(url)) as gen:
        first = await anext(gen, None)
    return first, len(finished)


async def first_of_each(url, other):
    async with aclosing(held_items(url)) as gen, aclosing(held_items(other)) as gen_2:
        return await anext(gen), await anext(gen_2, None)


def finished_count():
    return len(finished)

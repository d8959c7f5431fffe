import os

import httpx

from _async_helpers import TLS_CONTEXT, requests_body, thread_items

HERE = os.path.dirname(os.path.abspath(__file__))


def lines(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\n")


async def publish(url, name):
    sent = 0
    async for line in thread_items(lines(name)):
        if line:
            async with httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            ) as http_client:
                (
                    await http_client.post(url, json={"line": line}, timeout=5)
                ).raise_for_status()
            sent += 1
    return sent


async def longest(url, name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        limit = (await http_client.get(url, timeout=5)).json()["limit"]
    return max(
        [len(line) async for line in thread_items(lines(name)) if len(line) <= limit]
    )


async def upload(url, name):
    body = (line.encode() + b"\n" for line in lines(name))
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.put(url, **requests_body(body), timeout=5)
        ).status_code

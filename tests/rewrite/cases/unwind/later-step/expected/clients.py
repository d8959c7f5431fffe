"""Migrated in an earlier step: these are async already."""

import httpx


async def fetch(url):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        return (await http_client.get(url)).json()


def parse(payload):
    return payload["items"]

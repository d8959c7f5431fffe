"""Code written async by hand next to code not migrated yet: one run must be enough."""

import asyncio
import time

import httpx
import requests

BASE = "http://x"


def fetch(i):
    response = requests.get(f"{BASE}/{i}")
    response.raise_for_status()
    return response.json()


async def fetch_async(i):
    async with httpx.AsyncClient() as client:
        response = await client.get(f"{BASE}/{i}")
    response.raise_for_status()
    return response.json()


def pairs(items: list[tuple[int, int]]):
    """Two fetches per item, the way pprint formats a key and a value."""
    lines = []
    for key, value in items:
        left = fetch(key)
        right = fetch(value)
        lines.append(f"{left['name']}: {right['name']}")
    return lines


def chained(ids: list[int]):
    names = []
    for i in ids:
        item = fetch(i)
        following = fetch(item["next"])
        names.append((item["name"], following["name"]))
    return names


def paced(ids):
    names = []
    for i in ids:
        names.append(fetch(i)["name"])
        time.sleep(0.01)
    return names


async def names_async(ids: list[int]):
    names = []
    for i in ids:
        names.append((await fetch_async(i))["name"])
    return names


async def paced_async(ids):
    names = []
    for i in ids:
        names.append((await fetch_async(i))["name"])
        await asyncio.sleep(0.01)
    return names

import json
import urllib.parse

import httpx

BASE = "https://jobs.example.com"


async def call(method, path, payload=None):
    data = json.dumps(payload).encode() if payload is not None else None
    # The service wants JSON both ways.
    try:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None
        ) as http_client:
            resp = await http_client.request(
                method,
                BASE + path,
                content=data,
                headers={
                    "Content-Type": "application/json",
                    "Accept": "application/json",
                },
                timeout=5,
            )
            resp.raise_for_status()
            return resp.json()
    except httpx.HTTPStatusError as err:
        if err.response.status_code == 404:
            return None
        raise


async def submit(name):
    return (await call("POST", "/jobs", {"name": name}))["id"]


async def report(path):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        return (
            await http_client.post(
                BASE + path,
                content=b"report=1",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                timeout=5,
            )
        ).raise_for_status().content.decode()


async def post_form(path, fields):
    body = urllib.parse.urlencode(fields).encode()
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        resp = await http_client.request(
            "POST",
            BASE + path,
            content=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            timeout=5,
        )
        resp.raise_for_status()
        return resp.content.decode()

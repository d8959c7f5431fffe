import json

import httpx

from _async_helpers import TLS_CONTEXT, requests_body

URL = "https://api.example.com/items"


async def post_text(text):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(URL, content="raw=" + text, timeout=5)
        ).status_code


async def post_literal():
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.post(URL, content="payload", timeout=5)).status_code


async def post_form(name):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.post(URL, data={"name": name}, timeout=5)).status_code


async def post_unknown(body):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(URL, **requests_body(body), timeout=5)
        ).status_code


async def post_chunks(parts):
    body = (part.encode() for part in parts)
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(URL, **requests_body(body), timeout=5)
        ).status_code


async def post_topics(email, topics):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(
                URL,
                **requests_body([("email", email), *(("topic", t) for t in topics)]),
                timeout=5,
            )
        ).status_code


async def post_positional(payload):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.post(URL, **requests_body(payload), timeout=5)
        ).status_code


async def post_positional_json(item):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.post(URL, json={"item": item}, timeout=5)).status_code


async def put_encoded(item):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.put(URL, content=json.dumps(item).encode(), timeout=5)
        ).status_code


async def get_with_body(query):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (
            await http_client.request("GET", URL, json={"query": query}, timeout=5)
        ).json()

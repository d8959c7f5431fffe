"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import inspect
import urllib.error
import urllib.request
from collections.abc import Awaitable, Callable
from typing import Any

import httpx


def urlopen_fake(
    fake: Callable[..., Any], *, url: bool = False, entered: bool = False
) -> Callable[..., Awaitable[httpx.Response]]:
    """A test's fake of urllib's urlopen, put in place of
    httpx.AsyncClient.send now that the code sends through httpx. It is handed
    what urlopen was: a urllib Request (the headers the code set, not httpx's
    own), or its URL with ``url=True``; what it returns (a file-like answer)
    becomes the response, and an HTTPError it raises the error response, a
    URLError a ConnectError. With ``entered=True`` the code read the answer in
    a ``with`` block: what entering it gives is read (a mock's ``__enter__``
    return value)."""
    try:
        takes = inspect.signature(fake).parameters
    except (TypeError, ValueError):
        takes = {}
    keywords = any(p.kind is p.VAR_KEYWORD for p in takes.values())

    async def send(
        client: httpx.AsyncClient, request: httpx.Request, **kwargs: Any
    ) -> httpx.Response:
        # The headers the code set: not those every request of the client has.
        own = {
            name: value
            for name, value in request.headers.items()
            if client.headers.get(name) != value
        }
        headers = {k: v for k, v in own.items() if k not in ("host", "content-length")}
        given: Any = urllib.request.Request(
            str(request.url),
            data=request.content or None,
            headers=headers,
            method=request.method,
        )
        options: dict[str, Any] = {}
        if url:
            given = str(request.url)
            if request.content and ("data" in takes or keywords):
                options["data"] = request.content
        timeout = request.extensions.get("timeout", {}).get("read")
        if timeout is not None and ("timeout" in takes or keywords):
            options["timeout"] = timeout
        returned = True
        try:
            answer = fake(given, **options)
        except urllib.error.HTTPError as error:
            # An error response, read as the others are.
            answer, returned = error, False
        except urllib.error.URLError as error:
            raise httpx.ConnectError(str(error.reason), request=request) from error
        read = answer
        if entered and hasattr(answer, "__enter__"):
            read = answer.__enter__()
        status = getattr(read, "status", getattr(answer, "status", None))
        if not isinstance(status, int):
            code = getattr(read, "code", getattr(answer, "code", None))
            status = code if isinstance(code, int) else 200
        found = getattr(read, "headers", None)
        items = list(found.items()) if hasattr(found, "items") else []
        content = read.read()
        if read is not answer:
            answer.__exit__(None, None, None)
        elif hasattr(answer, "close"):
            answer.close()
        reply = httpx.Response(status, headers=items, content=content, request=request)
        if returned and status >= 400:
            # urlopen raises for it, but this fake returned it: the code reads
            # it past the status check that stands for urlopen's raise.
            unchecked: Any = reply
            unchecked.raise_for_status = lambda: reply
        return reply

    return send

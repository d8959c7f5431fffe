"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

from typing import Any

import httpx

# One TLS context for every client the package makes: httpx would load the CA
# bundle again for each one (~15 ms), and under Flask a client lives one request.
TLS_CONTEXT = httpx.create_ssl_context()


def query_params(params: dict[str, Any]) -> dict[str, Any]:
    """Query parameters as requests sends them: without those whose value is None
    (or the None items of a list), which httpx would send empty (``page=``)."""
    out = {}
    for key, value in params.items():
        if isinstance(value, (list, tuple)):
            value = [item for item in value if item is not None]
        if value is not None:
            out[key] = value
    return out


def httpx_kwargs(kwargs: dict[str, Any]) -> dict[str, Any]:
    """requests' keyword arguments, passed on as ``**kwargs``, as httpx takes them.

    Callers keep the names they used with requests: ``allow_redirects`` is
    ``follow_redirects``, a ``(connect, read)`` timeout an ``httpx.Timeout``, a
    str/bytes ``data`` is ``content``, and ``stream`` goes (the response is
    read whole), query parameters whose value is None are left out as requests
    leaves them out (httpx would send them empty). httpx sets ``verify``,
    ``cert``, ``proxies`` and ``hooks`` on the client only: they raise TypeError
    here, as they would in httpx, unless None (requests' default).
    """
    # None means requests' default, except no redirects or no timeout for these two.
    out = {
        key: value
        for key, value in kwargs.items()
        if value is not None or key in ("allow_redirects", "timeout")
    }
    if "allow_redirects" in out:
        out["follow_redirects"] = out.pop("allow_redirects")
    timeout = out.get("timeout")
    if isinstance(timeout, tuple):
        connect, read = timeout
        out["timeout"] = httpx.Timeout(None, connect=connect, read=read)
    if isinstance(out.get("data"), (str, bytes)):
        out["content"] = out.pop("data")
    params = out.get("params")
    if isinstance(params, dict):
        out["params"] = query_params(params)
    out.pop("stream", None)
    for name in ("verify", "cert", "proxies", "hooks"):
        if name in out:
            raise TypeError(f"{name}= is set on the httpx client, not per request")
    return out

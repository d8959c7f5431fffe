"""A view decorator that logs how long each request took."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from quart import current_app, request


def timed(view: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(view)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return await view(*args, **kwargs)
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            current_app.logger.info("%s took %.1f ms", request.path, elapsed_ms)

    return wrapper

"""A user's feed: the latest post of everyone they follow."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from quart import Blueprint, jsonify
from quart.typing import ResponseReturnValue

from .. import upstream
from .timing import timed


async def _gather_in_order(*calls: Awaitable[Any], limit: int | None = None) -> list[Any]:
    """Await ``calls`` concurrently, at most ``limit`` at a time; results in order.

    Like the sequential code it replaces, it raises the exception of the first
    call (in order) that fails, and cancels the calls after it. Written by
    migrate; needs only the standard library.
    """
    semaphore = asyncio.Semaphore(limit) if limit else None

    async def run(call: Awaitable[Any]) -> Any:
        if semaphore is None:
            return await call
        async with semaphore:
            return await call

    tasks = [asyncio.ensure_future(run(call)) for call in calls]
    try:
        return [await task for task in tasks]
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for call in calls:
            # A call cancelled before it started was never awaited: close it.
            if inspect.iscoroutine(call):
                call.close()


bp = Blueprint("feed", __name__)


@bp.get("/api/feed/<int:user_id>")
@timed
async def feed(user_id: int) -> ResponseReturnValue:
    user = await upstream.fetch_user(user_id)
    following = await upstream.fetch_following(user["id"])
    posts = []
    posts.extend(
        await _gather_in_order(
            *(upstream.fetch_latest_post(followed_id) for followed_id in following),
            limit=10,
        )
    )
    posts.sort(key=lambda post: post["posted_at"], reverse=True)
    return jsonify(user=user, posts=posts)

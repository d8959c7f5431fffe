"""A user's feed: the latest post of everyone they follow."""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue

from .. import upstream
from .._async_helpers import gather_in_order
from .timing import timed

bp = Blueprint("feed", __name__)


@bp.get("/api/feed/<int:user_id>")
@timed
async def feed(user_id: int) -> ResponseReturnValue:
    user = await upstream.fetch_user(user_id)
    following = await upstream.fetch_following(user["id"])
    posts = await gather_in_order(
        (upstream.fetch_latest_post(followed_id) for followed_id in following),
        limit=10,
    )
    posts.sort(key=lambda post: post["posted_at"], reverse=True)
    return jsonify(user=user, posts=posts)

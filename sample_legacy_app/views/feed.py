"""A user's feed: the latest post of everyone they follow."""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue

from .. import upstream
from .timing import timed

bp = Blueprint("feed", __name__)


@bp.get("/api/feed/<int:user_id>")
@timed
def feed(user_id: int) -> ResponseReturnValue:
    user = upstream.fetch_user(user_id)
    following = upstream.fetch_following(user["id"])
    posts = []
    for followed_id in following:
        posts.append(upstream.fetch_latest_post(followed_id))
    posts.sort(key=lambda post: post["posted_at"], reverse=True)
    return jsonify(user=user, posts=posts)

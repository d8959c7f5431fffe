from flask import Blueprint, jsonify

from . import upstream
from ._async_helpers import gather_in_order

bp = Blueprint("feed", __name__)


@bp.get("/api/feed/<int:user_id>")
async def feed(user_id):
    user = await upstream.fetch_user(user_id)
    following = await upstream.fetch_following(user["id"])
    posts = await gather_in_order(
        (upstream.fetch_latest_post(followed_id) for followed_id in following),
        limit=10,
    )
    posts.sort(key=lambda post: post["posted_at"], reverse=True)
    return jsonify(user=user, posts=posts)

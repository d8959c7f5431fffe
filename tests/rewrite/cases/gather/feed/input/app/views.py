from flask import Blueprint, jsonify

from . import upstream

bp = Blueprint("feed", __name__)


@bp.get("/api/feed/<int:user_id>")
def feed(user_id):
    user = upstream.fetch_user(user_id)
    following = upstream.fetch_following(user["id"])
    posts = []
    for followed_id in following:
        posts.append(upstream.fetch_latest_post(followed_id))
    posts.sort(key=lambda post: post["posted_at"], reverse=True)
    return jsonify(user=user, posts=posts)

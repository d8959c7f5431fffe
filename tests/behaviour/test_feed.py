"""Feed: user -> ids they follow -> one fetch per followed id."""

from __future__ import annotations

from sample_upstreams import UpstreamCluster

from .support import LiveApp


def test_feed_lists_latest_post_of_everyone_followed(
    live: LiveApp, upstreams: UpstreamCluster
) -> None:
    response = live.get("/api/feed/1")

    assert response.status_code == 200
    body = response.json()
    assert body["user"] == {"id": 1, "name": "User 1", "handle": "user1"}
    assert len(body["posts"]) == 12
    assert {post["user_id"] for post in body["posts"]} == set(range(2, 14))
    stamps = [post["posted_at"] for post in body["posts"]]
    assert stamps == sorted(stamps, reverse=True)
    routes = [entry.route for entry in upstreams.log.entries()]
    assert routes.count("/v1/users/{id}/posts/latest") == 12
    assert len(routes) == 14


def test_feed_fetches_user_then_follows_before_posts(
    live: LiveApp, upstreams: UpstreamCluster
) -> None:
    assert live.get("/api/feed/2").status_code == 200
    entries = sorted(upstreams.log.entries(), key=lambda e: e.seq)
    user, following, *posts = entries
    assert user.route == "/v1/users/{id}"
    assert following.route == "/v1/users/{id}/following"
    # Each step needs the previous one's answer, so they never overlap.
    assert user.end <= following.start
    assert all(following.end <= post.start for post in posts)
    assert len(posts) == 2


def test_feed_of_user_following_nobody(live: LiveApp) -> None:
    response = live.get("/api/feed/5")
    assert response.status_code == 200
    assert response.json()["posts"] == []


def test_feed_unknown_user_is_404(live: LiveApp) -> None:
    response = live.get("/api/feed/99")
    assert response.status_code == 404
    assert response.json() == {"error": "not found", "service": "social"}


def test_feed_failing_post_fetch_is_502(live: LiveApp, upstreams: UpstreamCluster) -> None:
    upstreams.inject_fault("social", "error500", path="/v1/users/{id}/posts/latest")
    response = live.get("/api/feed/1")
    assert response.status_code == 502
    assert response.json() == {"error": "upstream answered 500", "service": "social"}

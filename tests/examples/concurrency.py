"""Concurrency spots: what may run together, and what must keep its order."""
# checks: BRIDGE OFFLOAD REVIEW BOUNDARY

import requests

API = "https://api.example.com"
session = requests.Session()


def get_json(path):  # ASYNC: calls requests.Session.get
    return session.get(f"{API}/{path}").json()  # BLOCKING: requests.Session.get


def post_json(path, body):  # ASYNC: calls requests.Session.post
    return session.post(f"{API}/{path}", json=body).json()  # BLOCKING: requests.Session.post


def overview(city):  # ASYNC: calls concurrency.get_json
    weather = get_json(f"weather/{city}")  # SPOT: gather
    events = get_json(f"events/{city}")
    news = get_json(f"news/{city}")
    return weather, events, news


def timeline(user_id):  # ASYNC: calls concurrency.get_json
    user = get_json(f"users/{user_id}")
    friends = get_json(f"users/{user['id']}/friends")  # SPOT: sequential
    posts = []
    for friend in friends:  # SPOT: gather bounded
        posts.append(get_json(f"posts/{friend}"))
    return posts


def first_match(ids, wanted):  # ASYNC: calls concurrency.get_json
    for item_id in ids:  # SPOT: sequential
        item = get_json(f"items/{item_id}")
        if item["name"] == wanted:
            return item
    return None


def visible(ids):  # ASYNC: calls concurrency.get_json
    return [get_json(f"items/{i}") for i in ids if i > 0]  # SPOT: gather bounded


def by_id(ids):  # ASYNC: calls concurrency.get_json
    return {i: get_json(f"items/{i}") for i in ids}  # SPOT: gather bounded


def checkout(cart):  # ASYNC: calls concurrency.post_json
    payment = post_json("payments", cart)  # SPOT: sequential
    shipment = post_json("shipments", cart)
    return payment, shipment


def notify_all(user_ids):  # ASYNC: calls concurrency.post_json
    return [post_json("notify", {"user": u}) for u in user_ids]  # SPOT: sequential

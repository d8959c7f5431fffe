"""Helpers and a client class the shapes fetch through."""

import logging

import requests

log = logging.getLogger(__name__)

HEADERS = {"X-Api-Key": "dev-key"}
session = requests.Session()


def get_user(base, user_id):
    response = session.get(f"{base}/v1/users/{user_id}", headers=HEADERS)
    response.raise_for_status()
    return response.json()


def check_user(base, user_id):
    session.get(f"{base}/v1/users/{user_id}", headers=HEADERS).raise_for_status()


def get_name(base, user_id):
    return get_user(base, user_id)["name"]


def summary(user):
    return f"{user['handle']} ({user['id']})"


def call_api(method, url, payload=None):
    response = session.request(method, url, json=payload, headers=HEADERS)
    response.raise_for_status()
    return response.json()


def charge(base, order_id, amount):
    payload = {"order_id": order_id, "amount_cents": amount, "currency": "EUR"}
    response = session.post(f"{base}/v1/charges", json=payload, headers=HEADERS)
    return response.json()


class Api:
    """A thin client object, the way client libraries wrap a session."""

    def __init__(self, base):
        self.base = base

    def user(self, user_id):
        return get_user(self.base, user_id)

    def latest_post(self, user_id):
        response = session.get(f"{self.base}/v1/users/{user_id}/posts/latest", headers=HEADERS)
        return response.json()

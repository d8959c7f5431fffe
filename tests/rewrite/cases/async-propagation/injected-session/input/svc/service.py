"""Callers that let the classes make their session, or hand one in."""

import requests

from .api import Catalog, Feed, SocialApi, TokenApi


def user_name(base_url, uid):
    return SocialApi(base_url).user(uid)["name"]


def names(base_url, uids):
    with requests.Session() as session:
        api = SocialApi(base_url, session=session)
        return [api.user(uid)["name"] for uid in uids]


def item_name(base_url, sku):
    return Catalog(base_url, None).item(sku)["name"]


def feed_size(base_url):
    with requests.Session() as session:
        return len(Feed(base_url, session=session).entries())


def token_user_name(base_url, uid):
    return TokenApi(base_url, "t1").user(uid)["name"]


def token_names(base_url, uids):
    with requests.Session() as session:
        api = TokenApi(base_url, "t2", session=session)
        return [api.user(uid)["name"] for uid in uids]

"""Every way a client instance reaches the code that calls it."""

from crm.api import SocialApi, connect, default_api


class Profiles:
    api: SocialApi

    def __init__(self, api: SocialApi):
        self.api = api

    def card(self, uid):
        user = self.api.user(uid)
        return f"{user['name']} (@{user['handle']})"


class Directory:
    def __init__(self, base_url):
        self.profiles = Profiles(SocialApi(base_url))

    def cards(self, uids):
        return [self.profiles.card(uid) for uid in uids]


def handle_of(api: SocialApi, uid):
    return api.user(uid)["handle"]


def name_via_constructor(base_url, uid):
    api = SocialApi(base_url)
    return api.user(uid)["name"]


def name_via_factory(uid):
    api = connect()
    return api.user(uid)["name"]


def name_via_default(uid):
    return default_api.user(uid)["name"]


def followed_names(uid):
    return connect().names_followed(uid)

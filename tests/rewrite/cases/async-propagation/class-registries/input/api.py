from client import Client
from models import make, make_all


def refreshed_name(base, item):
    return make(Client(base), item).refresh()["name"]


def release_names(base, url):
    artist = make(Client(base), {"type": "artist", "url": url})
    return [release.refresh()["name"] for release in artist.releases()]


def all_names(base, items):
    return [model.refresh()["name"] for model in make_all(Client(base), items)]

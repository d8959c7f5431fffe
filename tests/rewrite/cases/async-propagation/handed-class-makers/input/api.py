from client import Client
from feeds import Feed, NewsFeed, open_feed
from models import Team, User, build


def user_name(base, url):
    return build(User, Client(base), {"url": url}).refresh()["name"]


def rename(base, url, name):
    return build(User, Client(base), {"url": url}).update(name=name)["name"]


def member_names(base, url):
    team = build(Team, Client(base), {"url": url})
    return [member.refresh()["name"] for member in team.members()]


def entries(base, news):
    kind = NewsFeed if news else Feed
    return open_feed(kind, base, "/feed").entries()

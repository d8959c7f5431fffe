"""Where sites are made: a function, a factory, a default."""

from wiki.site import Site, Wiki


def site_name():
    return Site().info["name"]


def open_wiki(user="bot"):
    return Wiki(user=user)


def main_page(user="bot"):
    wiki = open_wiki(user)
    return wiki.page("Main")


def logged_in_as(user):
    return Site(user=user).user

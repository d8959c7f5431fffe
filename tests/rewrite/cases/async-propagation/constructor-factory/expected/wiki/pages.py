"""Where sites are made: a function, a factory, a default."""

from wiki.site import Site, Wiki


async def site_name():
    return (await Site.create()).info["name"]


async def open_wiki(user="bot"):
    return await Wiki.create(user=user)


async def main_page(user="bot"):
    wiki = await open_wiki(user)
    return await wiki.page("Main")


async def logged_in_as(user):
    return (await Site.create(user=user)).user

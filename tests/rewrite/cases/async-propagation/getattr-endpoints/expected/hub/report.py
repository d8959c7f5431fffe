from hub.client import Api


async def user_names(api):
    return [user["name"] for user in await api.users.get(active=1)]


async def first_repo(api, owner):
    return (await api.users.repos.get(owner=owner))[0]["name"]


async def summary(base):
    api = Api(base)
    names = await user_names(api)
    return {"users": names, "first repo": await first_repo(api, names[0])}

from hub.client import Api


def user_names(api):
    return [user["name"] for user in api.users.get(active=1)]


def first_repo(api, owner):
    return api.users.repos.get(owner=owner)[0]["name"]


def summary(base):
    api = Api(base)
    names = user_names(api)
    return {"users": names, "first repo": first_repo(api, names[0])}

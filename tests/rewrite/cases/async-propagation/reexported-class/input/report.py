from sdk import API


def user_name(base, uid):
    with API(base) as api:
        return api.get(f"/users/{uid}")["name"]


def two_names(base, first, second):
    api = API(base)
    try:
        return [api.get(f"/users/{first}")["name"], api.get(f"/users/{second}")["name"]]
    finally:
        api.close()

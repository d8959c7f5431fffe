import requests


class Endpoint:
    def __init__(self, base, kind):
        self.base = base
        self.kind = kind
        self.session = requests.Session()

    def update_tags(self, item):
        url = f"{self.base}/{self.kind}/{item['id']}/tags"
        response = self.session.put(url, json=sorted(item["tags"]))
        response.raise_for_status()
        return response.json()["tags"]


class Server:
    def __init__(self, base):
        self.workbooks = Endpoint(base, "workbooks")
        self.views = Endpoint(base, "views")


class TagDiff:
    """What changed between two tag sets; it asks the server nothing."""

    def update_tags(self, before, item):
        after = set(item["tags"])
        return sorted(after - set(before)), sorted(set(before) - after)


def retag(server, kind, item):
    # Which endpoint is known only at run time: every update_tags taking one
    # argument is an Endpoint's.
    endpoint = getattr(server, kind)
    return endpoint.update_tags(item)


def changes(differ, before, item):
    return differ.update_tags(before, item)

class Model:
    def __init__(self, client, data):
        self.client = client
        self.data = data

    async def refresh(self):
        self.data = await self.client.get(self.data["url"])
        return self.data


class Artist(Model):
    async def releases(self):
        return [
            make(self.client, item)
            for item in await self.client.get(self.data["url"] + "/releases")
        ]


class Release(Model):
    pass


def make(client, item):
    """The model the item's type names."""
    return CLASS_MAP[item["type"]](client, item)


def make_all(client, items):
    found = []
    for item in items:
        wrapper = CLASS_MAP.get(item["type"], Model)
        found.append(wrapper(client, item))
    return found


CLASS_MAP = {
    "artist": Artist,
    "release": Release,
}

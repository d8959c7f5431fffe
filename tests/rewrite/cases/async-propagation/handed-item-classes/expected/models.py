class Model:
    def __init__(self, client, data):
        self.client = client
        self.data = data

    async def refresh(self):
        self.data = await self.client.get(self.data["url"])
        return self.data


class Order(Model):
    @property
    def total(self):
        return self.data["total"]


class User(Model):
    async def orders(self):
        return await Listing(self.client, self.data["url"] + "/orders", Order).items()


class Listing:
    """One page of items, each made through the class it is handed."""

    def __init__(self, client, path, item_class=Model):
        self.client = client
        self.path = path
        self.item_class = item_class

    async def items(self):
        return [
            self.item_class(self.client, data)
            for data in await self.client.get(self.path)
        ]


class Search(Listing):
    async def first(self):
        found = await self.items()
        return found[0] if found else None

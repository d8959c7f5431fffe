from shop._async_helpers import gather_in_order

from .requester import Requester


class Node:
    def __init__(self, path):
        self.path = path

    def root(self):
        raise NotImplementedError

    async def get_data(self, suffix=""):
        # What root() gives depends on the subclass, and one of them is handed
        # its server as **fields: no type reaches `requester`.
        requester = self.root().requester
        return (await requester.get_url(self.path + suffix)).json()


class Shop(Node):
    def __init__(self, base):
        super().__init__("/shop")
        self.requester = Requester(base)

    def root(self):
        return self

    def item(self, name):
        fields = {"shop": self, "name": name}
        return Item(**fields)


class Item(Node):
    def __init__(self, **fields):
        super().__init__("/items/" + fields["name"])
        self.shop = fields["shop"]

    def root(self):
        return self.shop.root()

    async def title(self):
        return (await self.get_data())["title"]


async def price(source, name):
    # `source` is whatever the caller hands in: a Requester, or a test's fake.
    return (await source.get_url("/prices/" + name)).json()["price"]


async def priced_titles(base, names):
    shop = Shop(base)
    return await gather_in_order(
        ((shop.item(name).title(), price(shop.requester, name)) for name in names),
        limit=10,
    )


class Basket:
    def __init__(self, shop: "Shop") -> None:
        self.shop: "Shop" = shop

    async def cost(self, names):
        urls = await gather_in_order(
            (self.shop.requester.get_url("/prices/" + n) for n in names), limit=10
        )
        return sum(url.json()["price"] for url in urls)

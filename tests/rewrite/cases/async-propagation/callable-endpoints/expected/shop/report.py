from shop import client
from shop.client import Api


async def order_total(api, ident):
    order = await api.orders(ident)
    return sum(line["price"] for line in order["lines"])


async def summary(base):
    api = Api(base)
    customers = [order["customer"] for order in await api.orders.all()]
    return {
        "alive": await client.ping(base) and await api.alive(),
        "total": await order_total(api, 7),
        "best rank": await api.best_rank(customers),
        "rank of ada": await api.rank("ada"),
    }

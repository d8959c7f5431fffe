import shop.cart as c


async def report(skus):
    return await c.summary(skus)

async def describe(client, key):
    product = await client.products.get(key)
    return f"{product['name']}: {product['price']}"


async def reprice(client, key, price):
    return (await client.products.update(key, price=price))["price"]

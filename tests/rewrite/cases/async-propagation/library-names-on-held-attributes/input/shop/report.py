def describe(client, key):
    product = client.products.get(key)
    return f"{product['name']}: {product['price']}"


def reprice(client, key, price):
    return client.products.update(key, price=price)["price"]

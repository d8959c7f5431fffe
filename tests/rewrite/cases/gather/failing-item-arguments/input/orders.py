import requests

API = "http://shop.example.com"


def get_json(path):
    response = requests.get(API + path, timeout=5)
    response.raise_for_status()
    return response.json()


def item_names(orders):
    names = []
    for order in orders:
        names.append(get_json(f"/items/{order['sku']}")["name"])
    return names


def prices(orders):
    return [get_json(f"/items/{order['sku']}")["price"] for order in orders]


def stock(orders):
    found = {}
    for order in orders:
        sku = order["sku"]
        try:
            item = get_json(f"/items/{sku}")
        except requests.HTTPError:
            continue
        found[sku] = item["stock"]
    return found


def totals(orders):
    total = 0
    for order in orders:
        item = get_json(f"/items/{int(order['sku'])}")
        total += item["price"] * order["qty"]
    return total

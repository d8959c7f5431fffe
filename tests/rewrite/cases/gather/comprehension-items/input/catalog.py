"""Comprehensions whose element uses the item as well as the result, over a
parameter that may be a generator: read once into a list, as a loop's would be."""

import requests


def get_product(sku):
    response = requests.get(f"http://catalog/v1/products/{sku}")
    response.raise_for_status()
    return response.json()


def prices(skus):
    return {sku: get_product(sku)["price"] for sku in skus}


def labelled(skus):
    labels = [f"{sku}: {get_product(sku)['name']}" for sku in skus]
    return labels


def loop_twin(skus):
    found = {}
    for sku in skus:
        found[sku] = get_product(sku)["price"]
    return found


def headed(skus):
    names = ["name"]
    names.extend(get_product(sku)["name"] for sku in skus)
    return names


def into(skus, names):
    names.extend(get_product(sku)["name"] for sku in skus)
    return names


def in_stock(skus):
    return {sku: get_product(sku)["price"] for sku in skus if sku if not sku.endswith("x")}


def grid(prefixes, numbers):
    return [f"{p}{n}: {get_product(f'{p}{n}')['name']}" for p in prefixes for n in numbers]

import functools

import requests


class Shop:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get_json(self, path):
        response = self.session.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()

    def products(self, slug):
        return [Product(self, item) for item in self.get_json(f"/categories/{slug}")]


class Product:
    def __init__(self, shop, data):
        self.shop = shop
        self.id = data["id"]

    @functools.cached_property
    def stock(self):
        return self.shop.get_json(f"/products/{self.id}/stock")["available"]

    def price(self):
        return self.shop.get_json(f"/products/{self.id}/price")["amount"]


class Category:
    def __init__(self, shop, slug):
        self.shop = shop
        self.slug = slug

    def __iter__(self):
        for item in self.shop.get_json(f"/categories/{self.slug}"):
            yield Product(self.shop, item)


def out_of_stock(shop: Shop, slug):
    return [product.id for product in Category(shop, slug) if product.stock == 0]


def total_price(shop: Shop, slug):
    total = 0
    for product in shop.products(slug):
        total += product.price()
    return total

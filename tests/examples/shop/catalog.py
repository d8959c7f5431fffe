"""Product pages: two independent fetches, through the package's re-export."""
# checks: BRIDGE OFFLOAD REVIEW BOUNDARY

from shop.client import fetch_price

from . import fetch_product


def product_page(sku):  # ASYNC: calls shop.client.fetch_product
    product = fetch_product(sku)  # SPOT: gather
    price = fetch_price(sku)
    return {"product": product, "price": price}

"""Views: call the catalogue (absolute module import) and remember what was seen."""
# checks: BOUNDARY REVIEW

import shop.catalog

from . import storage
from .client import place_order


def show(sku):  # ASYNC: calls shop.catalog.product_page
    page = shop.catalog.product_page(sku)
    storage.remember(sku, page)  # OFFLOAD: sync_to_async thread_sensitive=True
    return page


def buy(sku, quantity):  # ASYNC: calls shop.client.place_order
    order = place_order(sku, quantity)  # SPOT: sequential
    receipt = place_order(sku + "-gift", 1)
    return order, receipt

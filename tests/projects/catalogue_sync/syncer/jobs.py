import logging
from concurrent.futures import ThreadPoolExecutor, as_completed

from . import remote

log = logging.getLogger(__name__)


def load_products(skus):
    products = []
    missing = []
    for sku in skus:
        p = remote.product(sku)
        if p is None:
            missing.append(sku)
            continue
        p.stock = remote.stock_level(sku)
        products.append(p)
    if missing:
        log.warning("missing: %s", ", ".join(missing))
    return products


def reprice(products, factor):
    changed = 0
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {pool.submit(remote.push_price, p.sku, round(p.price * factor, 2)): p for p in products}
        for fut in as_completed(futures):
            if fut.result():
                changed += 1
    return changed


def report(skus):
    products = load_products(skus)
    total = sum(p.price * p.stock for p in products)
    return {"count": len(products), "value": round(total, 2)}

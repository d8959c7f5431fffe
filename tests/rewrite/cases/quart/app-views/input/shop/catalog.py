async def fetch_product(sku: str) -> dict:
    return {"sku": sku}


async def fetch_page(url: str) -> dict:
    return {"rows": [], "next": None}

import httpx


async def fetch_price(sku):
    async with httpx.AsyncClient(follow_redirects=True, timeout=None) as http_client:
        return (await http_client.get(f"https://prices.example.com/{sku}", timeout=5)).json()["price"]

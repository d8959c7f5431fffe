from ._async_helpers import gather_in_order


async def export_stars(scanner, org, names):
    """Stars per repo of an organisation."""
    stars = {}
    names = list(names)
    results = await gather_in_order(
        (scanner.get(f"/repos/{org}/{name}/stats") for name in names), limit=10
    )
    for name, stats in zip(names, results):
        stars[name] = stats["stars"]
    return stars

import httpx

from _async_helpers import TLS_CONTEXT, gather_outcomes


async def get_json(url):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        resp = await http_client.get(url, timeout=10)
    if resp.is_error:
        resp.raise_for_status()
    return resp.json()


async def rank(base, repos):
    """Fill in stars and sort the caller's list in place, most starred first."""
    items = list(repos)
    outcomes = await gather_outcomes(
        (get_json(f"{base}/repos/{repo['name']}") for repo in items), limit=10
    )
    for repo, outcome in zip(items, outcomes):
        repo["stars"] = outcome.result()["stars"]
    repos.sort(key=lambda r: r["stars"], reverse=True)

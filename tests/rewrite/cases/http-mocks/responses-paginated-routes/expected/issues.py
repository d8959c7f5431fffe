import httpx

from _async_helpers import TLS_CONTEXT, requests_params

API = "https://api.issues.example.com"


async def titles(repo, limit=None):
    """Issue titles of ``repo``, page by page, following the Link header."""
    url = f"{API}/repos/{repo}/issues"
    params = {"per_page": 2}
    found = []
    while url:
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            resp = await http_client.get(
                url, params=requests_params(url, params), timeout=5
            )
        if resp.is_error:
            resp.raise_for_status()
        for issue in resp.json():
            found.append(issue["title"])
            if limit and len(found) == limit:
                return found
        url = resp.links.get("next", {}).get("url")
        params = None
    return found

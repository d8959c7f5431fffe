import requests

API = "https://api.issues.example.com"


def titles(repo, limit=None):
    """Issue titles of ``repo``, page by page, following the Link header."""
    url = f"{API}/repos/{repo}/issues"
    params = {"per_page": 2}
    found = []
    while url:
        resp = requests.get(url, params=params, timeout=5)
        resp.raise_for_status()
        for issue in resp.json():
            found.append(issue["title"])
            if limit and len(found) == limit:
                return found
        url = resp.links.get("next", {}).get("url")
        params = None
    return found

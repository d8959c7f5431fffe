import requests


def get_json(url):
    resp = requests.get(url, timeout=10)
    resp.raise_for_status()
    return resp.json()


def rank(base, repos):
    """Fill in stars and sort the caller's list in place, most starred first."""
    for repo in repos:
        repo["stars"] = get_json(f"{base}/repos/{repo['name']}")["stars"]
    repos.sort(key=lambda r: r["stars"], reverse=True)

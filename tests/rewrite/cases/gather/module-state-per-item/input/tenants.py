import requests

BASE = "https://api.example.com"
CONFIG = {"region": "eu"}
TOKEN = None
session = requests.Session()


def get(path):
    response = session.get(BASE + path, timeout=5)
    response.raise_for_status()
    return response.json()


def usage_by_tenant(tenants):
    out = {}
    for tenant in tenants:
        session.headers["X-Tenant"] = tenant
        out[tenant] = get("/usage")
    return out


def whoami():
    response = requests.get(
        BASE + "/me", headers={"Authorization": f"token {TOKEN}"}, timeout=5
    )
    return response.json()["login"]


def identities(tokens):
    global TOKEN
    out = []
    for token in tokens:
        TOKEN = token
        out.append(whoami())
    return out


def regional_url(path):
    return f"{BASE}/{CONFIG['region']}{path}"


def prices(regions):
    out = []
    for region in regions:
        CONFIG["region"] = region
        out.append(requests.get(regional_url("/price"), timeout=5).json()["price"])
    return out


def sizes(names):
    # Reads BASE, which no item changes: run together.
    out = []
    for name in names:
        out.append(get(f"/sizes/{name}")["size"])
    return out

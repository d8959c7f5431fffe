import requests

BASE = "https://api.example.com"
DEFAULT_HEADERS = {"User-Agent": "tenants/1.0", "X-Trace": None}


class TenantClient:
    def __init__(self, tenant=None):
        self.session = requests.Session()
        self.session.headers.update({"X-Tenant": tenant})

    def usage(self, month, request_id=None):
        headers = {"Accept": "application/json", "X-Request-Id": request_id}
        return self.session.get(f"{BASE}/usage/{month}", headers=headers, timeout=5).json()


def traced(path, trace=None):
    headers = dict(DEFAULT_HEADERS)
    if trace:
        headers["X-Trace"] = trace
    return requests.get(f"{BASE}{path}", headers=headers, timeout=5).json()


def signed(path, signature, key=None):
    return requests.get(
        f"{BASE}{path}",
        headers={"X-Signature": signature, "X-Key": key, "X-Debug": None},
        timeout=5,
    ).json()


def plain(path, token):
    return requests.get(
        f"{BASE}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=5
    ).json()


def audit(path, actor=None):
    session = requests.Session()
    session.headers.update({"X-Actor": actor, "X-Audit": "1"})
    response = session.get(f"{BASE}{path}", timeout=5)
    session.close()
    return response.json()

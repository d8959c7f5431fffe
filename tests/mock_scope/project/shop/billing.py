import requests

session = requests.Session()
session.headers["X-Api-Key"] = "key"


def charge(order_id, cents):
    resp = session.post(
        "https://pay.example.test/v1/charges",
        json={"order_id": order_id, "cents": cents},
        timeout=5,
    )
    resp.raise_for_status()
    return resp.json()["charge_id"]

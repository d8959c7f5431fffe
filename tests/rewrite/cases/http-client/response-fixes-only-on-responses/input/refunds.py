import requests


class Refund:
    def __init__(self, data):
        self.reason = data["reason"]
        self.ok = data["approved"]


def get_refund(base, refund_id):
    data = requests.get(f"{base}/refunds/{refund_id}", timeout=5).json()
    return Refund(data)


def fetch(base, path):
    return requests.get(f"{base}{path}", timeout=5)


def describe(base, refund_id):
    refund = get_refund(base, refund_id)
    if not refund.ok:
        return f"refused: {refund.reason}"
    return "approved"


def status(base):
    response = fetch(base, "/status")
    if not response.ok:
        return response.reason
    return "up"

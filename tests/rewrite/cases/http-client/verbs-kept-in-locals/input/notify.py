import requests

BASE = "http://push.example.com"


class Notifier:
    def __init__(self, token):
        self.token = token
        self.session = requests.Session()

    def detach(self):
        self.session.close()
        self.session = None

    def send(self, message):
        post = self.session.post if self.session else requests.post
        resp = post(BASE + "/messages", data={"token": self.token, "message": message})
        resp.raise_for_status()
        return resp.json()

    def status(self, receipt):
        get = self.session.get
        resp = get(BASE + "/receipts/" + receipt, params={"token": self.token})
        return resp.status_code, resp.json()

    def acknowledged(self, receipts):
        return [_acknowledged(self.session, receipt) for receipt in receipts]


def _acknowledged(session, receipt):
    get = session.get
    return get(BASE + "/receipts/" + receipt).json()["acknowledged"]


def limits(token):
    get = requests.get
    resp = get(BASE + "/limits", params={"token": token})
    if not resp.ok:
        return None
    return resp.json()["remaining"]

import requests


class Shop:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def _make_request(self, **kwargs):
        # Every argument by name, the method and the URL too.
        return requests.request(**kwargs)

    def _send(self, **kwargs):
        response = self.session.request(**kwargs)
        response.raise_for_status()
        return response

    def item(self, item_id):
        response = self._make_request(
            **dict(method="GET", url=f"{self.base}/items/{item_id}", timeout=(3, 10))
        )
        response.raise_for_status()
        return response.json()

    def moved(self, item_id):
        response = self._make_request(
            method="GET", url=f"{self.base}/old/{item_id}", allow_redirects=False
        )
        return response.status_code, response.headers.get("location")

    def order(self, item_id, count):
        return self._send(method="POST", url=f"{self.base}/orders", json={"item": item_id, "count": count}).json()

from urllib.parse import urljoin

import requests


class ApiSession(requests.Session):
    """Every path is taken from the API's root, which the session keeps."""

    def __init__(self, base_url):
        super().__init__()
        self.base_url = base_url
        self.headers["Accept"] = "application/json"

    def request(self, method, url, *args, **kwargs):
        return super().request(method, urljoin(self.base_url, url), *args, **kwargs)


class ShopSession(ApiSession):
    def item_url(self, item_id):
        return urljoin(self.base_url, f"items/{item_id}")


class Shop:
    def __init__(self, base_url):
        self.session = ShopSession(base_url)

    def item(self, item_id):
        return self.session.get(f"items/{item_id}", timeout=5).json()

    def names(self, ids):
        return [self.item(i)["name"] for i in ids]

    def root(self):
        return self.session.base_url

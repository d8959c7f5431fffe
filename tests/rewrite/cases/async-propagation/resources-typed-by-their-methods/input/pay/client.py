import re

import requests

from . import resources

# "payment_link" -> PaymentLink, found by looking through the module.
RESOURCES = {
    re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower(): cls
    for name, cls in vars(resources).items()
    if isinstance(cls, type) and issubclass(cls, resources.Resource)
}


class Client(object):
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()
        for name, cls in RESOURCES.items():
            setattr(self, name, cls(self))

    def get(self, path):
        return self._send("GET", path)

    def post(self, path, data=None):
        return self._send("POST", path, json=data or {})

    def delete(self, path):
        return self._send("DELETE", path)

    def upload(self, path, text):
        return self._send("PUT", path, data=text.encode())

    def _send(self, method, path, **kwargs):
        response = self.session.request(method, self.base + path, timeout=5, **kwargs)
        response.raise_for_status()
        return response.json()

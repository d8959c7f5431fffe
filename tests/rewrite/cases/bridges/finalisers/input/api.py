import atexit
import gc

import requests


class Client:
    def __init__(self, base_url):
        self.base_url = base_url
        self.session = requests.Session()
        self.closed = False

    def item(self, number):
        response = self.session.get(f"{self.base_url}/items/{number}")
        response.raise_for_status()
        return response.json()

    def close(self):
        if not self.closed:
            self.session.close()
            self.closed = True

    def __del__(self):
        self.close()


_default = Client("http://api.example.com")
atexit.register(_default.close)

_spare = Client("http://api.example.com")


@atexit.register
def _close_spare():
    _spare.close()


def item(number):
    return _default.item(number)


def item_once(number):
    client = Client("http://api.example.com")
    found = client.item(number)
    del client
    gc.collect()
    return found

import json

import requests

GET, POST = "GET", "POST"


class BaseAPI:
    """Talks to the droplets API through one session."""

    def __init__(self, base):
        self.base = base
        self._session = requests.Session()

    def _perform_request(self, path, method=GET, params=None):
        # Which verb sends the request, and how it carries the payload.
        lookup = {
            GET: (self._session.get, "params", lambda x: x),
            POST: (requests.post, "data", json.dumps),
        }
        send, payload, transform = lookup[method]
        return send(self.base + path, timeout=5, **{payload: transform(params or {})})

    def get_data(self, path, method=GET, params=None):
        response = self._perform_request(path, method, params)
        if response.status_code == 404:
            raise LookupError(path)
        return response.json()


class Metadata(BaseAPI):
    """What the droplet knows of itself: no token, no verbs table."""

    def get_data(self, path, method=GET, params=None):
        return requests.get(self.base + "/metadata" + path, timeout=5).json()


def droplet_names(api):
    return [droplet["name"] for droplet in api.get_data("/droplets")["droplets"]]

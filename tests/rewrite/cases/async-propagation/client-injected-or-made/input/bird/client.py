from .http import ENDPOINT, HttpClient


class Client:
    def __init__(self, access_key=None, http_client=None, message_client=None):
        self.access_key = access_key
        self.http_client = http_client
        self.message_client = message_client

    def _get_http_client(self):
        if self.http_client:
            return self.http_client
        return HttpClient(ENDPOINT, self.access_key)

    def _messages(self):
        return self.message_client or HttpClient(ENDPOINT, self.access_key)

    def _sender(self):
        return self.message_client if self.message_client else HttpClient(ENDPOINT)

    def balance(self):
        return self._get_http_client().request("/balance")["amount"]

    def message(self, key):
        return self._messages().request(f"/messages/{key}")

    def send(self, body):
        return self._sender().request("/messages", "POST", {"body": body})["id"]


class Balance:
    def __init__(self, http_client=None):
        self.http_client = http_client or HttpClient(ENDPOINT)

    def amount(self):
        return self.http_client.request("/balance")["amount"]

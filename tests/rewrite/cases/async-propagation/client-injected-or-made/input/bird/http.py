import requests

ENDPOINT = "https://api.bird.example.com"


class HttpClient:
    def __init__(self, endpoint, access_key=None):
        self.endpoint = endpoint
        self.access_key = access_key

    def request(self, path, method="GET", body=None):
        headers = {"Authorization": f"AccessKey {self.access_key}"} if self.access_key else {}
        response = requests.request(
            method, self.endpoint + path, json=body, headers=headers, timeout=10
        )
        response.raise_for_status()
        return response.json()

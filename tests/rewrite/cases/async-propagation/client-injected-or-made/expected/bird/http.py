import httpx

from ._async_helpers import TLS_CONTEXT

ENDPOINT = "https://api.bird.example.com"


class HttpClient:
    def __init__(self, endpoint, access_key=None):
        self.endpoint = endpoint
        self.access_key = access_key

    async def request(self, path, method="GET", body=None):
        headers = {"Authorization": f"AccessKey {self.access_key}"} if self.access_key else {}
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            response = await http_client.request(
                method, self.endpoint + path, json=body, headers=headers, timeout=10
            )
        if response.is_error:
            response.raise_for_status()
        return response.json()

import httpx

from ._async_helpers import TLS_CONTEXT


class Droplet:
    def __init__(self, token, id):
        self.token = token
        self.id = id

    async def load(self):
        async with httpx.AsyncClient(
            follow_redirects=True, timeout=None, verify=TLS_CONTEXT
        ) as http_client:
            return (
                await http_client.get(f"https://api.example.com/droplets/{self.id}")
            ).json()

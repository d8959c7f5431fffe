import requests
from asgiref.sync import sync_to_async

from auth import TokenAuth
from retry import Policy


class Client:
    def __init__(self, token):
        self.policy = Policy()
        self.session = requests.Session()
        self.session.auth = TokenAuth(token)

    async def item(self, item_id):
        backoff = self.policy.backoff()
        for _ in range(3):
            response = await sync_to_async(self.session.get, thread_sensitive=False)(
                f"https://api.example.com/items/{item_id}", timeout=5
            )
            if response.status_code != 503:
                break
            await backoff.wait()
        response.raise_for_status()
        return response.json()

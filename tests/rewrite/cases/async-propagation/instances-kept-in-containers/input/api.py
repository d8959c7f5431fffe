import requests

BASE = "http://chat.example.com"


class Api:
    def display_name(self, user_id):
        resp = requests.get(f"{BASE}/profile/{user_id}", timeout=5)
        resp.raise_for_status()
        return resp.json()["name"]

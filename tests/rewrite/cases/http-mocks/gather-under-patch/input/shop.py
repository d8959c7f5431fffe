import requests


class Shop:
    def user(self, uid):
        return requests.get(f"http://shop.example.com/users/{uid}", timeout=5).json()

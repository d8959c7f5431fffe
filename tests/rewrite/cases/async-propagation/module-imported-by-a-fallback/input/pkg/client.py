import requests


class Client:
    def items(self):
        return requests.get("https://api.example.com/items").json()

    def users(self):
        return requests.get("https://api.example.com/users").json()

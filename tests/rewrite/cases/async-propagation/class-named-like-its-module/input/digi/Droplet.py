import requests


class Droplet:
    def __init__(self, token, id):
        self.token = token
        self.id = id

    def load(self):
        return requests.get(f"https://api.example.com/droplets/{self.id}").json()

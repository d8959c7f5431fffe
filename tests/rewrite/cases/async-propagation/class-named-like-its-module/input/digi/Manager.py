import requests

import digi


class Manager:
    def droplets(self):
        data = requests.get("https://api.example.com/droplets").json()
        return [digi.Droplet(None, d["id"]) for d in data]

    def first(self):
        return self.droplets()[0].load()

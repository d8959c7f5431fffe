import requests


class Nodes:
    def __init__(self, base):
        self.base = base

    def iteritems(self):
        for item in requests.get(self.base + "/nodes").json():
            yield item["name"], item

    def items(self):
        return list(self.iteritems())

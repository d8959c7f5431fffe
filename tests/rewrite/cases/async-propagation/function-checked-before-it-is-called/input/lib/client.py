import requests


class Client:
    def __init__(self):
        self.session = requests.Session()

    def get_page(self, **params):
        return self.session.get("https://api.example.com/items", params=params).json()

    def cursor(self, function, **params):
        if not callable(function):
            raise TypeError("cursor() takes a function")
        while True:
            content = function(**params)
            yield from content["items"]
            if not content.get("next"):
                return
            params["page"] = content["next"]

    def all_items(self):
        return list(self.cursor(self.get_page))

    def first_items(self, count):
        found = []
        for item in self.cursor(self.get_page):
            found.append(item)
            if len(found) == count:
                return found
        return found

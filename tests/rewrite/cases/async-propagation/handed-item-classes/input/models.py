class Model:
    def __init__(self, client, data):
        self.client = client
        self.data = data

    def refresh(self):
        self.data = self.client.get(self.data["url"])
        return self.data


class Order(Model):
    @property
    def total(self):
        return self.data["total"]


class User(Model):
    def orders(self):
        return Listing(self.client, self.data["url"] + "/orders", Order).items()


class Listing:
    """One page of items, each made through the class it is handed."""

    def __init__(self, client, path, item_class=Model):
        self.client = client
        self.path = path
        self.item_class = item_class

    def items(self):
        return [self.item_class(self.client, data) for data in self.client.get(self.path)]


class Search(Listing):
    def first(self):
        found = self.items()
        return found[0] if found else None

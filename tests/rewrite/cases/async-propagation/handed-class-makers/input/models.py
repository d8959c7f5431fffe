class Model:
    def __init__(self, client, data):
        self.client = client
        self.data = data

    def refresh(self):
        self.data = self.client.get(self.data["url"])
        return self.data

    def update(self, **fields):
        self.data = self.client.put(self.data["url"], fields)
        return self.data


class User(Model):
    pass


class Team(Model):
    def members(self):
        return [build(User, self.client, data) for data in self.client.get(self.data["url"] + "/members")]


def build(model_class, client, data):
    """Make a model of the class given, around the client."""
    return model_class(client, data)

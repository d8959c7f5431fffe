import requests

API = "http://api.example.com"
session = requests.Session()


class ResourceClient:
    def first(self, ids):
        return self.get_by_id(ids[0]) if ids else None


class NotesClient(ResourceClient):
    def get_by_id(self, id):
        return BoundNote(self, session.get(f"{API}/notes/{id}").json())


class TagsClient(ResourceClient):
    def get_by_id(self, id):
        return BoundTag(self, session.get(f"{API}/tags/{id}").json())


class BoundModel:
    def __init__(self, client: ResourceClient, data):
        self._client = client
        self.data = data

    def reload(self):
        self.data = self._client.get_by_id(self.data["id"]).data
        return self.data


class BoundNote(BoundModel):
    def label(self):
        return f"note {self.data['title']}"


class BoundTag(BoundModel):
    def label(self):
        return f"tag {self.reload()['name']}"


def describe(model: BoundModel):
    return model.label()

import requests

API = "http://api.example.com"
session = requests.Session()


class NotesClient:
    def update(self, note, title=None):
        return session.put(f"{API}/notes/{note.id}", json={"title": title}).json()

    def delete(self, note):
        return session.delete(f"{API}/notes/{note.id}").json()


class TagsClient:
    def rename(self, tag, name):
        return session.put(f"{API}/tags/{tag.id}", json={"name": name}).json()


class Api:
    def __init__(self):
        self.notes = NotesClient()
        self.tags = TagsClient()


class BoundNote:
    _client: NotesClient

    def __init__(self, client, id):
        self._client = client
        self.id = id

    def update(self, title=None):
        return self._client.update(self, title=title)

    def delete(self):
        return self._client.delete(self)


class BoundTag:
    _client: TagsClient

    def __init__(self, client, id):
        self._client = client
        self.id = id

    def rename(self, name):
        return self._client.rename(self, name=name)

import requests

API = "https://photos.example.com"


class Library:
    def __init__(self, session):
        self._session = session

    def upload(self, name, data):
        response = self._session.post(f"{API}/upload/{name}", json=data, timeout=5)
        if response.status_code == 409:
            return None
        response.raise_for_status()
        return response.json()["id"]


class Drafts:
    def __init__(self):
        self.saved = {}

    def upload(self, name, data):
        self.saved[name] = data
        return name


class PhotoService:
    def __init__(self):
        self._session = requests.Session()
        self._library = Library(self._session)

    def add(self, name, data, album=None):
        photo = self._library.upload(name, data)
        if photo is not None and album is not None:
            album.append(photo)
        return photo


def add_to_new_album(name, data):
    album = []
    PhotoService().add(name, data, album)
    return album

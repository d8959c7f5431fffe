from .base import BaseAPI, SessionAPI


class Users(BaseAPI):
    path = "users"

    def get(self, user_id):
        return self._request("GET", f"/{user_id}")

    def create(self, **fields):
        return self._request("POST", json=fields)


class Groups(SessionAPI):
    path = "groups"

    def list(self):
        return self._get()

from .base import Client


class Users(Client):
    def get(self, name):
        r = self._get_session().get(f"{self.base}/users/{name}", timeout=5)
        r.raise_for_status()
        return r.json()


def user_names(base, names):
    users = Users(base)
    try:
        return [users.get(name)["name"] for name in names]
    finally:
        users.close()

from .base import ResourceClient


class Users(ResourceClient):
    def get(self, uid):
        return self.session.get(f"{self.base}/users/{uid}").json()


def user_names(base, uids):
    users = Users(base)
    try:
        return [users.get(uid)["name"] for uid in uids]
    finally:
        users.close()

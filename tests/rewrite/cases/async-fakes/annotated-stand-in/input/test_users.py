from shop.client import Client, Users, user_name


class FakeClient:
    def __init__(self):
        self.paths = []

    def get(self, path):
        self.paths.append(path)
        return {"name": "fake" + path}


def test_users_with_a_fake():
    fake = FakeClient()
    assert Users(fake).name(1) == "fake/users/1"
    assert fake.paths == ["/users/1"]


def test_user_name_with_a_fake():
    assert user_name(FakeClient(), 2) == "fake/users/2"


def test_users_for_real():
    assert Users(Client("http://shop.example.com")).name(2) == "Grace"


def test_users_with_the_shipped_fake():
    from shop.testing import RecordedClient

    recorded = RecordedClient({"/users/3": {"name": "Alan"}})
    assert Users(recorded).name(3) == "Alan"
    assert recorded.asked == ["/users/3"]

import requests


class Request:
    def __init__(self, base, http_session):
        self.base = base
        self.http_session = http_session

    def get(self, key):
        response = self.http_session.get(f"{self.base}/{key}", timeout=5)
        response.raise_for_status()
        return response.json()


class Record:
    def __init__(self, values, api, endpoint):
        self.api = api
        self.endpoint = endpoint
        self.id = values["id"]
        self.name = values.get("name")

    def full_details(self):
        request = Request(self.endpoint.url, self.api.http_session)
        self.name = request.get(self.id)["name"]
        return self


class Endpoint:
    def __init__(self, api, name):
        self.api = api
        self.url = f"{api.base_url}/{name}"

    def get(self, key):
        values = Request(self.url, self.api.http_session).get(key)
        return Record(values, self.api, self)


class Api:
    def __init__(self, base_url):
        self.base_url = base_url
        self.http_session = requests.Session()
        self.users = Endpoint(self, "users")


def user_name(base_url, key):
    return Api(base_url).users.get(key).name

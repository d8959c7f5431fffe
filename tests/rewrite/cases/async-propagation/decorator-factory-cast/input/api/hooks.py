import requests

from api.errors import HookTestError, HttpError, on_http_error

BASE = "https://hooks.example.com"


class Hook:
    def __init__(self, hook_id):
        self.id = hook_id
        self.session = requests.Session()

    def post(self, path):
        response = self.session.post(BASE + path, timeout=10)
        if response.status_code >= 400:
            raise HttpError(response.json()["message"], response.status_code)
        return response.json()

    @on_http_error(HookTestError)
    def test(self):
        return self.post(f"/hooks/{self.id}/test")


def test_hook(hook_id):
    try:
        return Hook(hook_id).test()
    except HookTestError as e:
        return {"failed": e.message, "code": e.code}

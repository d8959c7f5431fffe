import requests


class TokenAuth(requests.auth.AuthBase):
    def __init__(self, token):
        self.token = token

    def __call__(self, request):
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


class ApiSession(requests.Session):
    def __init__(self, token):
        super().__init__()
        self.auth = TokenAuth(token)

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", 5)
        return super().request(method, "https://api.example.com" + url, **kwargs)

import requests


class Api:
    def __init__(self, base):
        self.base = base

    def _get(self, path):
        response = requests.get(self.base + path, timeout=5)
        response.raise_for_status()
        return response.json()

    def get_user(self, uid):
        return self._get(f"/users/{uid}")

    def get_team(self, tid):
        return self._get(f"/teams/{tid}")

    def label(self, kind):
        return kind.title()

    def fetch(self, kind, ident):
        return getattr(self, "get_" + kind)(ident)

    def fetch_named(self, kind, ident):
        found = getattr(self, f"get_{kind}")(ident)
        return f"{self.label(kind)}: {found['name']}"

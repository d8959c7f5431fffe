import requests


class Wiki:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def get(self, path):
        return self.session.get(self.base + path, timeout=5).json()

    def parents(self, category):
        return self.get(f"/categories/{category}/parents")

    def members(self, category):
        return self.get(f"/categories/{category}/members")

    def tree(self, category):
        tries = 0
        while True:
            try:
                parents = self.parents(category)
                members = self.members(category)
                return {"parents": parents, "members": members}
            except Exception:
                tries += 1
                if tries > 2:
                    return None

import functools

import requests


class Account:
    def __init__(self, base, user_id):
        self.base = base
        self.user_id = user_id
        self.session = requests.Session()

    @property
    def profile(self):
        return self.session.get(f"{self.base}/users/{self.user_id}", timeout=5).json()

    @functools.cached_property
    def settings(self):
        return self.session.get(f"{self.base}/users/{self.user_id}/settings", timeout=5).json()

    @property
    def display_name(self):
        return self.profile["name"].title()

    def theme(self):
        return self.settings["theme"]

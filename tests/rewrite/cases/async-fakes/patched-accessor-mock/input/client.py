import requests

BASE = "https://api.example.com"


class Users:
    def __init__(self):
        self.session = requests.Session()

    def get_by_id(self, uid):
        return self.session.get(f"{BASE}/users/{uid}").json()

    def for_org(self, org):
        return self


class Team:
    def __init__(self, users: Users, lead):
        self.users = users
        self.lead = lead

    def get_users(self) -> Users:
        return self.users

    def lead_name(self):
        return self.get_users().get_by_id(self.lead)["name"]

    def org_lead_name(self, org):
        users = self.get_users().for_org(org)
        return users.get_by_id(self.lead)["name"]

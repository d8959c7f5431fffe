import requests

BASE = "https://push.example.com"


class Device:
    def __init__(self, account, iden):
        self._account = account
        self.iden = iden

    def push_note(self, title):
        return self._account.push({"title": title, "device": self.iden})


class Account:
    def __init__(self):
        self.session = requests.Session()
        self.journal = Journal()

    def push(self, data):
        self.journal.push(data["title"])
        return self.session.post(BASE + "/pushes", json=data, timeout=5).json()

    def device(self, iden):
        return Device(self, iden)


class Journal:
    def __init__(self):
        self.lines = []

    def push(self, line):
        self.lines.append(line)

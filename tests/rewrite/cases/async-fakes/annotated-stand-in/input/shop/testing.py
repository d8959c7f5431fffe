"""A fake client the package ships for its users' tests."""


class RecordedClient:
    def __init__(self, answers):
        self.answers = answers
        self.asked = []

    def get(self, path):
        self.asked.append(path)
        return self.answers[path]

class Handler:
    def __init__(self, api):
        self.api = api

    def remove(self, item):
        return self.api.delete(f"/{self.api.kind}/{item}")

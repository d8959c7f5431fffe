class Handler:
    def __init__(self, api):
        self.api = api

    def delete(self, item):
        return self.api._delete(f"/{self.api.kind}/{item}")

class Request:
    def __init__(self, base, http_session):
        self.base = base
        self.http_session = http_session

    def get(self):
        return self.http_session.get(self.base).json()

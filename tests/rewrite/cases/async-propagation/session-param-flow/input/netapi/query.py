class Request:
    """One endpoint, reached through the session its caller hands in."""

    def __init__(self, base, http_session):
        self.base = base
        self.http_session = http_session

    def get_status(self):
        response = self.http_session.get(f"{self.base}/status/")
        response.raise_for_status()
        return response.json()

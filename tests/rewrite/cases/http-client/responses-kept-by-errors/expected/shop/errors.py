class APIError(Exception):
    def __init__(self, message="", response=None):
        super().__init__(message)
        self.message = message
        self.response = response

    def __str__(self):
        if self.response is None:
            return self.message
        reason = f" {self.response.reason_phrase}" if self.response.reason_phrase else ""
        return f"HTTP {self.response.status_code}{reason}: {self.message}"

    @property
    def retryable(self):
        return self.response is not None and self.response.is_error


class ServerError(APIError):
    pass


class NotFound(APIError):
    pass

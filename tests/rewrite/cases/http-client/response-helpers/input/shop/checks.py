"""Response checks shared by the clients: they never see a request of their own."""


class ApiError(Exception):
    pass


def failure(resp):
    if resp.ok:
        return None
    return f"{resp.status_code} {resp.reason} from {resp.url}"


def raise_for(response):
    message = failure(response)
    if message is not None:
        raise ApiError(message)
    return response

from . import client, errors


def reachable(url):
    try:
        client.fetch(url)
    except errors.ConnectionError:
        return False
    except errors.LibError:
        return True
    return True

import contextlib

import requests


@contextlib.contextmanager
def api_session(token):
    """A session sending the token, closed when the block ends."""
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    try:
        yield session
    finally:
        session.close()


def whoami(base, token):
    with api_session(token) as session:
        response = session.get(base + "/me", timeout=5)
        response.raise_for_status()
        return response.json()["name"]


def both(base, token):
    with api_session(token) as session:
        first = session.get(base + "/me", timeout=5).json()["name"]
        second = session.get(base + "/status", timeout=5).json()["state"]
    return first, second


def auth_header(token):
    with api_session(token) as session:
        return session.headers["Authorization"]

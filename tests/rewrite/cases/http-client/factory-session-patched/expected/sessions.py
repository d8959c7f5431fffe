import httpx

from _async_helpers import TLS_CONTEXT


def make_session(token):
    session = httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)
    session.headers["Authorization"] = f"Bearer {token}"
    return session

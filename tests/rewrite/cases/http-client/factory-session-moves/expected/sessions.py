import httpx

from ._async_helpers import TLS_CONTEXT

API = "https://api.example.com"


def make_session(user, password, retries=3):
    """A session for the shop's API, logged in by basic auth."""
    session = httpx.AsyncClient(
        follow_redirects=True,
        timeout=None,
        auth=(user, password),
        mounts={
            "https://": httpx.AsyncHTTPTransport(
                retries=retries,
                limits=httpx.Limits(max_connections=None, max_keepalive_connections=20),
                verify=TLS_CONTEXT,
            )
        },
        verify=TLS_CONTEXT,
    )
    session.headers.update({"Accept": "application/json"})
    return session

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "http://directory.example.com"


def _new_session() -> httpx.AsyncClient:
    return httpx.AsyncClient(follow_redirects=True, timeout=None, verify=TLS_CONTEXT)


session = AsyncClientPerLoop(_new_session)


def configure(user, password, language, ca_bundle=None):
    session.auth = (user, password)
    session.params = {"lang": language}
    session.headers.update({"X-Client": "directory"})
    if ca_bundle:
        # TODO(migrate MIG001): httpx sets verify= when the client is made
        # session.verify = ca_bundle
        pass


async def person(pid):
    r = await session.get(f"{BASE}/people/{pid}")
    if r.is_error:
        r.raise_for_status()
    return r.json()


class Directory:
    def __init__(self):
        def _new_http() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.http = AsyncClientPerLoop(_new_http)

    def sign_in(self, token):
        self.http.headers["Authorization"] = f"Token {token}"
        # TODO(migrate MIG001): httpx takes trust_env= when the client is made
        # self.http.trust_env = False
        return self

    async def person(self, pid):
        return (await self.http.get(f"{BASE}/people/{pid}")).json()


def directory(token):
    return Directory().sign_in(token)

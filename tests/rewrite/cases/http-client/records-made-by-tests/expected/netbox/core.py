import httpx

from netbox._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Request:
    def __init__(self, base, http_session):
        self.base = base
        self.http_session = http_session

    async def get(self, key):
        response = await self.http_session.get(f"{self.base}/{key}", timeout=5)
        if response.is_error:
            response.raise_for_status()
        return response.json()


class Record:
    def __init__(self, values, api, endpoint):
        self.api = api
        self.endpoint = endpoint
        self.id = values["id"]
        self.name = values.get("name")

    async def full_details(self):
        request = Request(self.endpoint.url, self.api.http_session)
        self.name = (await request.get(self.id))["name"]
        return self


class Endpoint:
    def __init__(self, api, name):
        self.api = api
        self.url = f"{api.base_url}/{name}"

    async def get(self, key):
        values = await Request(self.url, self.api.http_session).get(key)
        return Record(values, self.api, self)


class Api:
    def __init__(self, base_url):
        self.base_url = base_url

        def _new_http_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.http_session = AsyncClientPerLoop(_new_http_session)
        self.users = Endpoint(self, "users")


async def user_name(base_url, key):
    return (await Api(base_url).users.get(key)).name

import httpx

from _async_helpers import TLS_CONTEXT, AsyncClientPerLoop

BASE = "https://git.example.com"


class Gitlab:
    def __init__(self):
        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def http_put(self, path, data):
        return (await self.session.put(BASE + path, json=data, timeout=5)).json()

    async def http_post(self, path, data):
        return (await self.session.post(BASE + path, json=data, timeout=5)).json()


class UpdateMixin:
    gitlab: Gitlab
    use_post = False

    def _get_update_method(self):
        if self.use_post:
            http_method = self.gitlab.http_post
        else:
            http_method = self.gitlab.http_put
        return http_method

    async def update(self, path, data):
        http_method = self._get_update_method()
        result = await http_method(path, data)
        return result


class ProjectManager(UpdateMixin):
    def __init__(self, gitlab, use_post=False):
        self.gitlab = gitlab
        self.use_post = use_post


async def rename(name, use_post=False):
    return await ProjectManager(Gitlab(), use_post).update(
        "/projects/1", {"name": name}
    )


async def put_json(path, data):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        return (await http_client.put(BASE + path, json=data, timeout=5)).json()


async def local_echo(path, data):
    return {"path": path, **data}


def verb(remote):
    if remote:
        return put_json
    return local_echo


async def send(path, data, remote=True):
    return await verb(remote)(path, data)

import httpx

from jobs._async_helpers import TLS_CONTEXT, AsyncClientPerLoop


class Folder:
    def __init__(self, url):
        self.url = url

        def _new_session() -> httpx.AsyncClient:
            return httpx.AsyncClient(
                follow_redirects=True, timeout=None, verify=TLS_CONTEXT
            )

        self.session = AsyncClientPerLoop(_new_session)

    async def poll(self):
        data = await self._poll()
        data["jobs"] = await self.resolve(data["jobs"])
        return data

    async def _poll(self):
        return (await self.session.get(self.url + "/api")).json()

    async def resolve(self, jobs):
        for job in list(jobs):
            if "color" not in job:
                jobs.remove(job)
                jobs += (await self.session.get(self.url + job["url"])).json()["jobs"]
        return jobs

from ci import Server


class Invoker:
    def __init__(self, base, jobs):
        self.jobs = jobs
        self.api = self._get_api(base)

    def _get_api(self, base):
        return Server(base)

    async def run(self, token=None):
        codes = []
        for name in self.jobs:
            job = await self.api.get_job(name)
            codes.append(await job.invoke(token=token))
        return codes


async def trigger(server: Server, name):
    return await (await server.get_job(name)).invoke()

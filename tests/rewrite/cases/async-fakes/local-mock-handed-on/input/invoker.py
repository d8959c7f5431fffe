from ci import Server


class Invoker:
    def __init__(self, base, jobs):
        self.jobs = jobs
        self.api = self._get_api(base)

    def _get_api(self, base):
        return Server(base)

    def run(self, token=None):
        codes = []
        for name in self.jobs:
            job = self.api.get_job(name)
            codes.append(job.invoke(token=token))
        return codes


def trigger(server: Server, name):
    return server.get_job(name).invoke()

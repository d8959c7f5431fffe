"""A thread target (sync by contract) that posts."""

ROUTES = {"POST api.example.com /refresh": (204, None)}


def drive(run):
    worker = run.module("worker")

    def start(url):
        thread = run.call(worker.start, url)
        thread.join(10)
        return thread.is_alive()

    run.check("start", start, run.url("api.example.com") + "/refresh")

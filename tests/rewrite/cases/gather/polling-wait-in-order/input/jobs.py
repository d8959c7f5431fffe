import time

import requests


class JobClient:
    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def submit(self, spec):
        r = self.session.post(f"{self.base}/jobs", json=spec)
        r.raise_for_status()
        return r.json()["id"]

    def wait(self, job_id, interval=0.01):
        while self.session.get(f"{self.base}/jobs/{job_id}").json()["state"] != "done":
            time.sleep(interval)

    def result(self, job_id):
        r = self.session.get(f"{self.base}/jobs/{job_id}/result")
        r.raise_for_status()
        return r.json()

    def status(self, job_id, tries=3):
        for attempt in range(tries):
            try:
                return self.session.get(f"{self.base}/jobs/{job_id}", timeout=5).json()
            except requests.ConnectionError:
                time.sleep(0.01)
        return None


def render(client, spec):
    job_id = client.submit(spec)
    client.wait(job_id)
    return client.result(job_id)


def states(client, ids):
    return [client.status(i)["state"] for i in ids]

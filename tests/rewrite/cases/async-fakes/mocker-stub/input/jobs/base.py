import requests


class Folder:
    def __init__(self, url):
        self.url = url
        self.session = requests.Session()

    def poll(self):
        data = self._poll()
        data["jobs"] = self.resolve(data["jobs"])
        return data

    def _poll(self):
        return self.session.get(self.url + "/api").json()

    def resolve(self, jobs):
        for job in list(jobs):
            if "color" not in job:
                jobs.remove(job)
                jobs += self.session.get(self.url + job["url"]).json()["jobs"]
        return jobs

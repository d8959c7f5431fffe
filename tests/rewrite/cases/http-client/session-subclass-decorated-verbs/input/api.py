import time
from functools import wraps

import requests

BASE = "https://api.example.com"


class Unauthorized(Exception):
    pass


def rate_limited(func):
    """Waits until a second has passed since the session's last request."""

    @wraps(func)
    def wrapper(self, url, *args, **kwargs):
        if self.last_request is not None:
            delta = time.monotonic() - self.last_request
            if delta < self.interval:
                time.sleep(self.interval - delta)
        self.last_request = time.monotonic()
        return func(self, url, *args, **kwargs)

    return wrapper


class ApiSession(requests.Session):
    auth = None
    headers = None

    def __init__(self, interval=0.01):
        super(ApiSession, self).__init__()
        self.headers.update({"Accept": "application/json"})
        self.interval = interval
        self.last_request = None

    def basic_auth(self, username, password):
        self.auth = (username, password)

    def token_auth(self, token):
        self.headers["Authorization"] = "Bearer %s" % token

    @rate_limited
    def get(self, url, *args, **kwargs):
        response = super(ApiSession, self).get(url, *args, **kwargs)
        if response.status_code == 401:
            raise Unauthorized(url)
        return response

    @rate_limited
    def put(self, url, *args, **kwargs):
        response = super(ApiSession, self).put(url, *args, **kwargs)
        if response.status_code == 401:
            raise Unauthorized(url)
        return response


class Project:
    def __init__(self, session):
        self.session = session

    def title(self, project_id):
        return self.session.get(f"{BASE}/projects/{project_id}").json()["title"]

    def rename(self, project_id, title):
        response = self.session.put(f"{BASE}/projects/{project_id}", json={"title": title})
        return response.status_code


def titles(username, password, project_ids):
    session = ApiSession()
    session.basic_auth(username, password)
    project = Project(session)
    return [project.title(pid) for pid in project_ids]


def rename(token, project_id, title):
    session = ApiSession()
    session.token_auth(token)
    return Project(session).rename(project_id, title)

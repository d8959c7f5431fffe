import requests

BASE = "https://git.example.com"


class Gitlab:
    def __init__(self):
        self.session = requests.Session()

    def http_put(self, path, data):
        return self.session.put(BASE + path, json=data, timeout=5).json()

    def http_post(self, path, data):
        return self.session.post(BASE + path, json=data, timeout=5).json()


class UpdateMixin:
    gitlab: Gitlab
    use_post = False

    def _get_update_method(self):
        if self.use_post:
            http_method = self.gitlab.http_post
        else:
            http_method = self.gitlab.http_put
        return http_method

    def update(self, path, data):
        http_method = self._get_update_method()
        result = http_method(path, data)
        return result


class ProjectManager(UpdateMixin):
    def __init__(self, gitlab, use_post=False):
        self.gitlab = gitlab
        self.use_post = use_post


def rename(name, use_post=False):
    return ProjectManager(Gitlab(), use_post).update("/projects/1", {"name": name})


def put_json(path, data):
    return requests.put(BASE + path, json=data, timeout=5).json()


def local_echo(path, data):
    return {"path": path, **data}


def verb(remote):
    if remote:
        return put_json
    return local_echo


def send(path, data, remote=True):
    return verb(remote)(path, data)

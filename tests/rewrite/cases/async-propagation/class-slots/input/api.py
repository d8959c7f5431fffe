import requests

from resources import ProjectManager, UserManager


class Api:
    def __init__(self, base_url):
        self.base_url = base_url
        self.session = requests.Session()
        self.users = UserManager(self)
        self.projects = ProjectManager(self)

    def get(self, path):
        response = self.session.get(self.base_url + path, timeout=5)
        response.raise_for_status()
        return response.json()

    def put(self, path, data):
        return self.session.put(self.base_url + path, json=data, timeout=5).json()


def user_name(base_url, user_id):
    return Api(base_url).users.get(user_id).name


def renamed(base_url, user_id, name):
    user = Api(base_url).users.get(user_id)
    user.name = name
    return user.save()


def refreshed_projects(base_url):
    return [project.refresh().title for project in Api(base_url).projects.list()]

import requests


def show_user(base, name):
    return requests.get(f"{base}/users/{name}", timeout=5).json()["name"]


def show_repo(base, name):
    response = requests.get(f"{base}/repos/{name}", timeout=5)
    response.raise_for_status()
    return response.json()["stars"]


def show_version(base, name):
    return f"{name} 1.0"


COMMANDS = {"user": show_user, "repo": show_repo, "version": show_version}


def run(base, command, name):
    return COMMANDS[command](base, name)


def run_all(base, name):
    return {command: COMMANDS[command](base, name) for command in ("user", "version")}

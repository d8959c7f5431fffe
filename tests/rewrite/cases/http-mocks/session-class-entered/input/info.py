import requests


def server_version(server):
    with requests.Session() as session:
        response = session.get(server + "/rest/api/2/serverInfo", timeout=5)
        response.raise_for_status()
        return response.json()["version"]


def search(server, term):
    return requests.get(server + "/search", params={"q": term}, timeout=5).json()

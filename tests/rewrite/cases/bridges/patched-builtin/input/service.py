import requests


def save(url, path):
    body = requests.get(url, timeout=5).text
    with open(path, "w") as f:
        f.write(body)
    return len(body)

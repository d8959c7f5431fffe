import requests

session = requests.Session()


def fetch(url, **kwargs):
    return session.get(url, **kwargs)


def status(url, follow=True):
    options = {"timeout": (2, 5), "allow_redirects": follow}
    return requests.get(url, **options).status_code


def landing(url):
    return fetch(url, allow_redirects=False).status_code


def item(url):
    return fetch(url, timeout=(2, 5)).json()


def upload(url, text, **kwargs):
    return requests.post(url, data=text.encode(), **kwargs).status_code


def upload_raw(url, text):
    return upload(url, "ignored", data=text)


def item_with(url, **kwargs):
    return fetch(url, **kwargs).json()

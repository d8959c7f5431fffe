import io

import requests

BASE = "http://api.example.com"


def upload_report(path):
    with open(path) as report:
        r = requests.post(BASE + "/upload", files={"report": report})
    r.raise_for_status()
    return r.json()


def upload_notes(text):
    notes = io.StringIO(text)
    r = requests.post(BASE + "/upload", files={"notes": ("notes.txt", notes)})
    return r.json()


def upload_blob(data, extra=None):
    r = requests.post(BASE + "/upload", files={"blob": data, "extra": extra})
    return r.json()


def upload_binary(path):
    with open(path, "rb") as image:
        r = requests.post(BASE + "/upload", files=[("image", ("image.png", image.read()))])
    return r.json()


def upload_with(path, **options):
    with open(path) as report:
        r = requests.post(BASE + "/upload", files={"report": report}, **options)
    return r.json()

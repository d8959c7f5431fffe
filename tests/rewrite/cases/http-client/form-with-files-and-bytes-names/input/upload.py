import requests

BASE = "http://api.example.com"


def upload(fields, content):
    data = {k.encode("utf-8"): v.encode("utf-8") for k, v in fields.items()}
    r = requests.post(BASE + "/upload", data=data, files={"upload": ("notes.txt", content)})
    r.raise_for_status()
    return r.json()


def upload_pairs(pairs, content):
    data = [(k.encode("utf-8"), v) for k, v in pairs]
    r = requests.post(BASE + "/upload", data=data, files={"upload": ("notes.txt", content)})
    return r.json()

import shutil

import requests


def download(url, path):
    with requests.get(url, stream=True, timeout=30) as r:
        r.raise_for_status()
        with open(path, "wb") as f:
            shutil.copyfileobj(r.raw, f)
    with open(path, "rb") as f:
        return f.read()

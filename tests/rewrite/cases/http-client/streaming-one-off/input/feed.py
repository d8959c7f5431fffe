import json

import requests


def events(url, limit=3):
    out = []
    with requests.get(url, stream=True, timeout=5) as r:
        r.raise_for_status()
        for line in r.iter_lines():
            if not line:
                continue
            out.append(json.loads(line.decode("utf-8")))
            if len(out) == limit:
                break
    return out


def raw_lines(url):
    r = requests.get(url, stream=True)
    kept = []
    for line in r.iter_lines():
        if line.startswith(b"{"):
            kept.append(line)
    return kept


def first_chunk(url):
    with requests.get(url, stream=True) as r:
        for chunk in r.iter_content(chunk_size=4):
            return chunk
    return b""


def decoded(url):
    with requests.get(url, stream=True) as r:
        return [line.decode() for line in r.iter_lines() if line]

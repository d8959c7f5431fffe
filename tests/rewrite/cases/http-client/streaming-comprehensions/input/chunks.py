import requests


def text(url):
    with requests.get(url, stream=True, timeout=10) as resp:
        return "".join([chunk for chunk in resp.iter_content(chunk_size=4, decode_unicode=True)])


def size(url):
    with requests.get(url, stream=True, timeout=10) as resp:
        return sum(len(chunk) for chunk in resp.iter_content(chunk_size=4))

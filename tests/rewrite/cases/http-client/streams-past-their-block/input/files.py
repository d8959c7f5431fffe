import threading
from contextlib import closing

import requests

session = requests.Session()
lock = threading.Lock()


def locked_download(url):
    with lock:
        response = session.get(url, stream=True, timeout=10)
    body = b""
    for chunk in response.iter_content(chunk_size=4):
        body += chunk
    return body


def open_stream(url):
    response = session.get(url, stream=True, timeout=10)
    response.raise_for_status()
    return response


def first_line(url):
    response = open_stream(url)
    for line in response.iter_lines():
        return line
    return None


def save(url, path):
    response = session.get(url, stream=True, timeout=10)
    with closing(response), open(path, "wb") as out:
        for chunk in response.iter_content(chunk_size=8):
            out.write(chunk)
    return response.status_code


def size(url):
    response = session.get(url, stream=True, timeout=10)
    with closing(response):
        return sum(len(chunk) for chunk in response.iter_content(chunk_size=8))

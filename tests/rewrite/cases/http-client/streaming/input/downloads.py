import requests

session = requests.Session()


def download(url, path):
    with session.get(url, stream=True, timeout=10) as resp:
        resp.raise_for_status()
        with open(path, "wb") as f:
            for chunk in resp.iter_content(chunk_size=8192):
                f.write(chunk)


def lines(url):
    out = []
    resp = session.get(url, stream=True)
    for line in resp.iter_lines():
        out.append(line)
    resp.close()
    return out


def raw_head(url):
    with session.get(url, stream=True) as resp:
        return resp.raw.read(2)

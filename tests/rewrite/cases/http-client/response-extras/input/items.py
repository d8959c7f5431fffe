import requests


def info(url):
    r = requests.get(url, timeout=5)
    return {
        "ok": r.ok,
        "sid": r.cookies.get_dict().get("sid"),
        "hops": len(r.history),
        "type": r.headers.get("content-type", "").split(";")[0],
    }


def session_cookies(url):
    with requests.Session() as s:
        s.get(url, timeout=5)
        return s.cookies.get_dict()


def guess(url):
    r = requests.get(url, timeout=5)
    return r.apparent_encoding


def page_text(url):
    r = requests.get(url, timeout=5)
    r.encoding = r.apparent_encoding
    return r.text

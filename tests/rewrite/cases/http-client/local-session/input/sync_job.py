import httpx
import requests


def sync_all(urls):
    results = []
    with requests.Session() as session:
        session.headers["Accept"] = "application/json"
        for url in urls:
            results.append(session.get(url, timeout=5).json())
    return results


def ping(base_url):
    with httpx.Client(base_url=base_url, timeout=3) as client:
        return client.get("/ping").status_code


def leaky(url):
    session = requests.Session()
    return session.get(url).text

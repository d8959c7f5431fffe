import httpx

client = httpx.Client(base_url="https://api.example.com", timeout=10)


def fetch_one_off(url):
    return httpx.get(url).json()


def fetch_shared(path):
    resp = client.get(path)
    resp.raise_for_status()
    return resp.json()

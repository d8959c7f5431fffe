import httpx

client = httpx.Client(base_url="https://api.example.com", timeout=10)


def fetch_one_off(url):
    return httpx.get(url).json()


def fetch_shared(path):
    resp = client.get(path)
    resp.raise_for_status()
    return resp.json()


def where(path):
    resp = client.get(path)
    return resp.url.path, httpx.get(str(resp.url)).url.path


SEEN = []


def _log_request(request):
    SEEN.append(request.url.path)


class Api:
    def __init__(self, base, retries=2):
        self._http = httpx.Client(
            base_url=base,
            transport=httpx.HTTPTransport(retries=retries),
            event_hooks={"request": [_log_request], "response": [lambda r: r.raise_for_status()]},
        )

    def item(self, path):
        return self._http.get(path).json()


def status(url):
    with httpx.Client(mounts={"http://": httpx.HTTPTransport(retries=1)}) as c:
        return c.get(url).status_code


def status_again(url, retries=2):
    transport = httpx.HTTPTransport(retries=retries)
    with httpx.Client(transport=transport) as c:
        return c.get(url).status_code

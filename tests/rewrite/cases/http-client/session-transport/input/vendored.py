import requests
from requests.adapters import HTTPAdapter
from requests.packages.urllib3.util.retry import Retry


class Ping:
    def __init__(self, base, retries=5):
        self.base = base
        self.session = requests.Session()
        retry = Retry(total=retries, backoff_factor=0.5, status_forcelist=[502, 503, 504])
        self.session.mount("http://", HTTPAdapter(max_retries=retry))

    def status(self):
        return self.session.get(self.base + "/status", timeout=5).json()

import requests


def fetch_insecure(url):
    return requests.get(url, verify=False, timeout=5).json()


def fetch_with_cookies(url, cookies):
    return requests.get(url, cookies=cookies, timeout=5).json()


def fetch_with_cert(url):
    return requests.get(url, cert=("client.crt", "client.key"), timeout=5).json()


PROXY = "http://proxy.internal:3128"


def fetch_via_proxy(url):
    return requests.get(url, proxies={"http": PROXY, "https": PROXY}, timeout=5).json()


def log_response(response, *args, **kwargs):
    print(response.status_code)


def fetch_logged(url):
    return requests.get(url, hooks={"response": log_response}, timeout=5).json()

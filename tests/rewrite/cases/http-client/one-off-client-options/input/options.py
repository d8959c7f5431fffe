import requests


def fetch_insecure(url):
    return requests.get(url, verify=False, timeout=5).json()


def fetch_with_cookies(url, cookies):
    return requests.get(url, cookies=cookies, timeout=5).json()


def fetch_with_cert(url):
    return requests.get(url, cert=("client.crt", "client.key"), timeout=5).json()

import requests

BASE = "https://status.example.com"


def status():
    return requests.get(BASE + "/status", timeout=5).json()


def health():
    return requests.get(BASE + "/health", timeout=5).json()


def version():
    return requests.get(BASE + "/version", timeout=5).json()["version"]

"""A module's session, set up by the environment it is imported in."""

import os

import requests
from requests.adapters import HTTPAdapter

session = requests.Session()
if os.environ.get("STATUS_RETRIES"):
    session.mount("https://", HTTPAdapter(max_retries=3))
    session.mount("http://", HTTPAdapter(max_retries=3))
if os.environ.get("STATUS_INSECURE"):
    session.verify = False


def status(base):
    return session.get(f"{base}/status", timeout=5).json()

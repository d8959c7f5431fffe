"""Blocking calls reached through every alias form the analysis follows."""
# checks: BRIDGE OFFLOAD SPOT REVIEW BOUNDARY

import time as t
from time import sleep

import httpx
import requests as r
from requests import Session, get
from requests import post as send_form

SHARED = r.Session()
shared_client: httpx.Client = httpx.Client()


class Api:
    session = r.Session()

    def __init__(self, base):
        self.base = base
        self.client = httpx.Client(base_url=base)

    def profile(self, user):  # ASYNC: calls requests.Session.get
        return self.session.get(f"{self.base}/users/{user}")  # BLOCKING: requests.Session.get

    def avatar(self, user):  # ASYNC: calls httpx.Client.get
        return self.client.get(f"/avatars/{user}")  # BLOCKING: httpx.Client.get


def module_alias(url):  # ASYNC: calls requests.get
    return r.get(url)  # BLOCKING: requests.get


def from_import(url):  # ASYNC: calls requests.get
    return get(url)  # BLOCKING: requests.get


def renamed_from_import(url, form):  # ASYNC: calls requests.post
    return send_form(url, data=form)  # BLOCKING: requests.post


def sleeps(seconds):  # ASYNC: calls time.sleep
    sleep(seconds)  # BLOCKING: time.sleep
    t.sleep(seconds)  # BLOCKING: time.sleep


def module_globals(url):  # ASYNC: calls requests.Session.get
    SHARED.get(url)  # BLOCKING: requests.Session.get  # SPOT: sequential
    return shared_client.post(url)  # BLOCKING: httpx.Client.post


def local_session(url):  # ASYNC: calls requests.Session.get
    s = Session()
    return s.get(url)  # BLOCKING: requests.Session.get


def with_client(url):  # ASYNC: calls httpx.Client.get
    with httpx.Client(timeout=3) as c:
        return c.get(url).json()  # BLOCKING: httpx.Client.get


def throwaway_session(url):  # ASYNC: calls requests.Session.get
    return r.Session().get(url)  # BLOCKING: requests.Session.get


def not_blocking(url, session):
    # A parameter could be anything: never guessed.
    t.time()
    return session.get(url)

"""Checks shared by code this step moves to httpx and code that stays on requests."""

import requests


def ensure_ok(resp: requests.Response) -> requests.Response:
    resp.raise_for_status()
    return resp


def usable(resp):
    return resp.ok and resp.url.startswith("http")


def label(resp):
    return f"{resp.status_code} {resp.reason}"


def moved_only(resp: requests.Response) -> str:
    if not resp.ok:
        return f"failed: {resp.reason}"
    return resp.url.rsplit("/", 1)[-1]


def kept_only(resp: requests.Response) -> str:
    return "fine" if resp.ok else resp.reason

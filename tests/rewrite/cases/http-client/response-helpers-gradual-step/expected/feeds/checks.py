"""Checks shared by code this step moves to httpx and code that stays on requests."""

import httpx
import requests


def ensure_ok(resp: requests.Response) -> requests.Response:
    if 400 <= resp.status_code < 600:
        resp.raise_for_status()
    return resp


def usable(resp):
    return not 400 <= resp.status_code < 600 and str(resp.url).startswith("http")


def label(resp):
    # TODO(migrate MIG001): resp.reason is requests' only:
    #   resp may be an httpx response now
    return f"{resp.status_code} {resp.reason}"


def moved_only(resp: httpx.Response) -> str:
    if resp.is_error:
        return f"failed: {resp.reason_phrase}"
    return str(resp.url).rsplit("/", 1)[-1]


def kept_only(resp: requests.Response) -> str:
    return "fine" if resp.ok else resp.reason

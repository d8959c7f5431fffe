"""Code that cannot become async, and the bridge it gets instead.

Run with a scope that keeps ``boundaries.legacy_*`` sync (see the header).
"""
# exclude-name: boundaries.legacy_*
# checks: SPOT OFFLOAD

import atexit
import functools
import threading

import click
import requests

STATUS_URL = "https://status.example.com"


def fetch_status(service):  # ASYNC: calls requests.get
    return requests.get(f"{STATUS_URL}/{service}").json()  # BLOCKING: requests.get


def flush_metrics():  # ASYNC: calls requests.post
    requests.post(f"{STATUS_URL}/metrics", json={})  # BLOCKING: requests.post


atexit.register(flush_metrics)  # BRIDGE: asyncio.run


class Service:
    def __init__(self, name):
        self.name = name

    def __repr__(self):  # BOUNDARY: dunder
        return f"Service({self.name}, {fetch_status(self.name)}, {self.healthy})"  # BRIDGE: async_to_sync

    @property
    def healthy(self):  # ASYNC: calls boundaries.fetch_status
        # Read by sync code (__repr__): it keeps a property, bridging to ahealthy.
        return fetch_status(self.name)["ok"]

    @property
    def owner(self):  # BOUNDARY: property with a setter
        return fetch_status(self.name)["owner"]  # BRIDGE: async_to_sync

    @owner.setter
    def owner(self, value):  # BOUNDARY: property
        self.name = value


def latest_first(services):
    return sorted(services, key=lambda s: fetch_status(s)["since"])  # BRIDGE: async_to_sync


def uptime(service):  # ASYNC: calls boundaries.fetch_status
    return fetch_status(service)["uptime"]


def by_uptime(services):
    return sorted(services, key=uptime)  # BRIDGE: async_to_sync


def watch_in_background(service):
    worker = threading.Thread(target=uptime, args=(service,))  # BRIDGE: async_to_sync
    worker.start()


def status_lines(services):  # BOUNDARY: generator consumed where it cannot be async: status_lines() is handed to join() in report
    for service in services:
        yield f"{service}: {fetch_status(service)}"  # BRIDGE: async_to_sync


def report(services):
    return "\n".join(status_lines(services))


@functools.lru_cache(maxsize=64, typed=True)
def cached_status(service):  # BOUNDARY: memoised # REVIEW: memoised
    return fetch_status(service)  # BRIDGE: async_to_sync


@functools.lru_cache(maxsize=64)
def cached_uptime(service):  # ASYNC: calls boundaries.fetch_status
    return fetch_status(service)["uptime"]


def legacy_report(service):  # BOUNDARY: excluded
    return fetch_status(service)  # BRIDGE: async_to_sync


@click.command()
@click.argument("service")
def status_command(service):  # BOUNDARY: click-command
    click.echo(fetch_status(service))  # BRIDGE: async_to_sync


class StatusSession:
    def __init__(self):
        self.session = requests.Session()

    def __enter__(self):  # BOUNDARY: context manager entered by sync code (<main>)
        return self

    def __exit__(self, *exc):  # BOUNDARY: context manager entered by sync code (<main>)
        self.session.close()  # BLOCKING: requests.Session.close


if __name__ == "__main__":  # BOUNDARY: __main__
    print(fetch_status("api"))  # BRIDGE: asyncio.run
    with StatusSession():
        pass

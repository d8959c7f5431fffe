"""How async colour spreads: decorators, methods, nested functions, generators."""
# checks: BRIDGE OFFLOAD SPOT REVIEW BOUNDARY

import functools
import time

import requests

API = "https://api.example.com"


def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):  # ASYNC: wraps calls.load_user
        print("calling", func.__name__)
        return func(*args, **kwargs)

    return wrapper


def retry(attempts=3):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):  # ASYNC: wraps calls.load_orders
            for attempt in range(attempts):  # SPOT: sequential
                try:
                    return func(*args, **kwargs)
                except requests.ConnectionError:
                    time.sleep(2**attempt)  # BLOCKING: time.sleep
            return None

        return wrapper

    return decorator


@logged
def load_user(user_id):  # ASYNC: calls requests.get
    return requests.get(f"{API}/users/{user_id}").json()  # BLOCKING: requests.get


@logged
def version():  # ASYNC: wrapped-by calls.logged.wrapper
    return "1.0"


@retry(attempts=5)
def load_orders(user_id):  # ASYNC: calls requests.get
    return requests.get(f"{API}/users/{user_id}/orders").json()  # BLOCKING: requests.get


class Repository:
    def fetch(self, path):  # ASYNC: calls requests.get
        return requests.get(f"{API}/{path}").json()  # BLOCKING: requests.get

    def user(self, user_id):  # ASYNC: calls calls.Repository.fetch
        return self.fetch(f"users/{user_id}")

    @classmethod
    def default_user(cls):  # ASYNC: calls calls.Repository.user
        return cls().user(1)

    @classmethod
    def is_up(cls):  # ASYNC: calls calls.Repository.ping
        return cls.ping()

    @staticmethod
    def ping():  # ASYNC: calls requests.head
        return requests.head(API).ok  # BLOCKING: requests.head


def ping_through_class():  # ASYNC: calls calls.Repository.ping
    return Repository.ping()


def through_instance(user_id):  # ASYNC: calls calls.Repository.user
    repo = Repository()
    return repo.user(user_id)


def with_nested(user_ids):  # ASYNC: calls calls.with_nested.one
    def one(user_id):  # ASYNC: calls calls.load_user
        return load_user(user_id)

    return [one(u) for u in user_ids]  # SPOT: gather bounded


def pages(url):  # ASYNC: calls requests.get
    while url:  # SPOT: sequential
        page = requests.get(url).json()  # BLOCKING: requests.get
        yield from page["items"]
        url = page.get("next")


def count_items(url):  # ASYNC: calls calls.pages
    total = 0
    for _ in pages(url):
        total += 1
    return total

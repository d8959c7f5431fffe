import sqlite3

import requests

DB = sqlite3.connect(":memory:", check_same_thread=False)


def save(payload):
    DB.execute("insert into items values (?)", (payload,))


def read_template(path):
    with open(path) as handle:
        return handle.read()


def sync_item(url):
    payload = requests.get(url, timeout=5).text
    save(payload)
    header = read_template("header.txt")
    return header + payload

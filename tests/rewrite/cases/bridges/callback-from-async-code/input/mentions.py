import re

import requests

API = "http://people.example.com"
MENTION = re.compile(r"@(\d+)")


def display_name(user_id):
    response = requests.get(f"{API}/users/{user_id}", timeout=5)
    response.raise_for_status()
    return response.json()["name"]


def render(post):
    def name_of(match):
        return "@" + display_name(match[1])

    author = display_name(post["author"])
    return f"{author}: {MENTION.sub(name_of, post['text'])}"


def first_by_name(post):
    author = display_name(post["author"])
    ids = MENTION.findall(post["text"])
    return author, min(ids, key=display_name) if ids else None

import json

import requests

URL = "https://api.example.com/items"


def post_text(text):
    return requests.post(URL, data="raw=" + text, timeout=5).status_code


def post_literal():
    return requests.post(URL, data="payload", timeout=5).status_code


def post_form(name):
    return requests.post(URL, data={"name": name}, timeout=5).status_code


def post_unknown(body):
    return requests.post(URL, data=body, timeout=5).status_code


def post_chunks(parts):
    body = (part.encode() for part in parts)
    return requests.post(URL, data=body, timeout=5).status_code


def post_topics(email, topics):
    return requests.post(URL, data=[("email", email), *(("topic", t) for t in topics)], timeout=5).status_code


def post_positional(payload):
    return requests.post(URL, payload, timeout=5).status_code


def post_positional_json(item):
    return requests.post(URL, None, {"item": item}, timeout=5).status_code


def put_encoded(item):
    return requests.put(URL, data=json.dumps(item).encode(), timeout=5).status_code


def get_with_body(query):
    return requests.get(URL, json={"query": query}, timeout=5).json()

"""Loops whose items each build one value from calls that depend on each other."""

import logging

import requests
from fmt import label

API = "https://code.example.com/api"
log = logging.getLogger(__name__)


class NotFound(Exception):
    pass


def _get(path, **params):
    response = requests.get(API + path, params=params, timeout=5)
    if response.status_code == 404:
        raise NotFound(path)
    response.raise_for_status()
    return response.json()


def repo(owner, name):
    data = _get(f"/repos/{owner}/{name}")
    return {"name": data["full_name"], "stars": data["stars"]}


def open_issues(owner, name, limit=5):
    return [i["title"] for i in _get(f"/repos/{owner}/{name}/issues", per_page=limit)]


def board(names):
    cards = []
    # One card per repository, the missing ones marked.
    for full in filter(None, names):
        owner, _, name = full.partition("/")
        try:
            info = repo(owner, name)
        except NotFound:
            log.warning("no repository %s", full)
            cards.append({"name": full, "missing": True})
            continue
        info["issues"] = open_issues(owner, name, limit=2)
        cards.append(info)
    return cards


def leaders(names):
    rows = [("name", "stars", "top issue")]
    for index, full in enumerate(names):
        owner, name = full.split("/")
        info = repo(owner, name)
        issues = open_issues(owner, name, limit=1)
        if issues:
            rows.append((index, info["name"], info["stars"], issues[0]))
        else:
            rows.append((index, info["name"], info["stars"], None))
    return rows


def totals(names):
    total = 0
    seen = []
    for full in names:
        owner, name = full.split("/")
        info = repo(owner, name)
        total += info["stars"]
        seen.append(open_issues(owner, info["name"].split("/")[1]))
    return total, seen


def first_missing(names):
    found = []
    for full in names:
        owner, name = full.split("/")
        if owner == "skip":
            continue
        found.append(open_issues(owner, repo(owner, name)["name"].split("/")[1]))
    return found


def last_seen(names):
    out = []
    for full in names:
        owner, name = full.split("/")
        info = repo(owner, name)
        out.append(open_issues(owner, info["name"].split("/")[1]))
    return out, owner


def starred(names):
    found = [("name", "top issue")]
    for full in names:
        owner, name = full.split("/")
        if owner == "skip":
            continue
        info = repo(owner, name)
        if info["stars"] < 5:
            continue
        found.append((info["name"], open_issues(owner, name, limit=1)))
    return found


def starred_names(names):
    found = []
    for full in names:
        owner, name = full.split("/")
        info = repo(owner, name)
        if info["stars"] < 5:
            continue
        found.append(f"{info['name']} ({len(open_issues(owner, name))} issues)")
    return found


AUDIT = []


def _summary(info, issues):
    summary = {"repo": info["name"].upper(), "issues": len(issues)}
    summary["hot"] = summary["issues"] > 1 and info["stars"] > 5
    return summary


def _audited(info):
    AUDIT.append(info["name"])
    return info["name"]


def summaries(names):
    out = []
    for full in names:
        owner, name = full.split("/")
        info = repo(owner, name)
        out.append(_summary(info, open_issues(owner, name)))
    return out


def audited(names):
    out = []
    for full in names:
        owner, name = full.split("/")
        out.append((_audited(repo(owner, name)), open_issues(owner, name, limit=1)))
    return out, list(AUDIT)


def by_owner(names):
    found = {}
    for full in names:
        owner, name = full.split("/")
        info = repo(owner, name)
        found[owner] = {"stars": info["stars"], "issues": open_issues(owner, name, limit=1)}
    return found


def starred_by_owner(names):
    found = {"nobody": []}
    for full in names:
        owner, name = full.split("/")
        info = repo(owner, name)
        if info["stars"] < 5:
            continue
        found[owner] = open_issues(owner, name, limit=1)
    return found


def hot_owners(names):
    hot = set()
    for full in names:
        owner, name = full.split("/")
        if owner == "skip":
            continue
        info = repo(owner, name)
        hot.add(f"{owner}:{info['stars']}:{len(open_issues(owner, name))}")
    return sorted(hot)


class Note:
    saved = []

    def __init__(self, text):
        self.text = text

    def save(self):
        Note.saved.append(self.text)


def noted(names):
    out = []
    for full in names:
        owner, name = full.split("/")
        note = Note(repo(owner, name)["name"])
        note.save()
        out.append(open_issues(owner, name, limit=1))
    return out, list(Note.saved)


def labels(names):
    out = []
    for full in names:
        owner, name = full.split("/")
        info = repo(owner, name)
        out.append(label(info, open_issues(owner, name)))
    return out


def marked(names):
    cards = []
    for full in names:
        owner, _, name = full.partition("/")
        if not name:
            continue
        try:
            info = repo(owner, name)
        except NotFound:
            cards.append({"name": full, "missing": True})
            continue
        info["issues"] = open_issues(owner, name, limit=1)
        cards.append(info)
    return cards


def last_owner(names):
    out = []

    def owner_seen_last():
        return owner

    for full in names:
        owner, name = full.split("/")
        out.append(open_issues(owner, name, limit=1))
    return out, owner_seen_last()

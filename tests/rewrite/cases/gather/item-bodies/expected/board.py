"""Loops whose items each build one value from calls that depend on each other."""

import logging

import httpx

from _async_helpers import (
    TLS_CONTEXT,
    gather_in_order,
    gather_outcomes,
    requests_values,
)
from fmt import label

API = "https://code.example.com/api"
log = logging.getLogger(__name__)


class NotFound(Exception):
    pass


async def _get(path, **params):
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=None, verify=TLS_CONTEXT
    ) as http_client:
        response = await http_client.get(
            API + path, params=requests_values(params), timeout=5
        )
    if response.status_code == 404:
        raise NotFound(path)
    if response.is_error:
        response.raise_for_status()
    return response.json()


async def repo(owner, name):
    data = await _get(f"/repos/{owner}/{name}")
    return {"name": data["full_name"], "stars": data["stars"]}


async def open_issues(owner, name, limit=5):
    return [
        i["title"] for i in await _get(f"/repos/{owner}/{name}/issues", per_page=limit)
    ]


async def board(names):
    # One card per repository, the missing ones marked.
    async def fetch_card(full):
        owner, _, name = full.partition("/")
        try:
            info = await repo(owner, name)
        except NotFound:
            log.warning("no repository %s", full)
            return {"name": full, "missing": True}
        info["issues"] = await open_issues(owner, name, limit=2)
        return info

    cards = await gather_in_order(
        (fetch_card(full) for full in filter(None, names)), limit=10
    )
    return cards


async def leaders(names):
    rows = [("name", "stars", "top issue")]

    async def fetch_row(index, full):
        owner, name = full.split("/")
        info = await repo(owner, name)
        issues = await open_issues(owner, name, limit=1)
        if issues:
            return (index, info["name"], info["stars"], issues[0])
        else:
            return (index, info["name"], info["stars"], None)

    rows.extend(
        await gather_in_order(
            (fetch_row(index, full) for index, full in enumerate(names)), limit=10
        )
    )
    return rows


async def totals(names):
    total = 0
    seen = []
    for full in names:
        owner, name = full.split("/")
        info = await repo(owner, name)
        total += info["stars"]
        seen.append(await open_issues(owner, info["name"].split("/")[1]))
    return total, seen


async def first_missing(names):
    found = []
    for full in names:
        owner, name = full.split("/")
        if owner == "skip":
            continue
        found.append(
            await open_issues(owner, (await repo(owner, name))["name"].split("/")[1])
        )
    return found


async def last_seen(names):
    out = []
    for full in names:
        owner, name = full.split("/")
        info = await repo(owner, name)
        out.append(await open_issues(owner, info["name"].split("/")[1]))
    return out, owner


async def starred(names):
    found = [("name", "top issue")]

    async def fetch_repo(full):
        owner, name = full.split("/")
        if owner == "skip":
            return None
        info = await repo(owner, name)
        if info["stars"] < 5:
            return None
        return (info["name"], await open_issues(owner, name, limit=1))

    fetched = await gather_in_order((fetch_repo(full) for full in names), limit=10)
    found.extend(item for item in fetched if item is not None)
    return found


async def starred_names(names):
    async def fetch_repo(full):
        owner, name = full.split("/")
        info = await repo(owner, name)
        if info["stars"] < 5:
            return None
        return f"{info['name']} ({len(await open_issues(owner, name))} issues)"

    fetched = await gather_in_order((fetch_repo(full) for full in names), limit=10)
    found = [item for item in fetched if item is not None]
    return found


AUDIT = []


def _summary(info, issues):
    summary = {"repo": info["name"].upper(), "issues": len(issues)}
    summary["hot"] = summary["issues"] > 1 and info["stars"] > 5
    return summary


def _audited(info):
    AUDIT.append(info["name"])
    return info["name"]


async def summaries(names):
    async def fetch_repo(full):
        owner, name = full.split("/")
        info = await repo(owner, name)
        return _summary(info, await open_issues(owner, name))

    out = await gather_in_order((fetch_repo(full) for full in names), limit=10)
    return out


async def audited(names):
    out = []
    for full in names:
        owner, name = full.split("/")
        repo_outcome, open_issues_outcome = await gather_outcomes(
            repo(owner, name),
            open_issues(owner, name, limit=1),
        )
        out.append((_audited(repo_outcome.result()), open_issues_outcome.result()))
    return out, list(AUDIT)


async def by_owner(names):
    async def fetch_repo(full):
        owner, name = full.split("/")
        info = await repo(owner, name)
        return owner, {
            "stars": info["stars"],
            "issues": await open_issues(owner, name, limit=1),
        }

    found = dict(await gather_in_order((fetch_repo(full) for full in names), limit=10))
    return found


async def starred_by_owner(names):
    found = {"nobody": []}

    async def fetch_repo(full):
        owner, name = full.split("/")
        info = await repo(owner, name)
        if info["stars"] < 5:
            return None
        return owner, await open_issues(owner, name, limit=1)

    fetched = await gather_in_order((fetch_repo(full) for full in names), limit=10)
    found.update(pair for pair in fetched if pair is not None)
    return found


async def hot_owners(names):
    async def fetch_repo(full):
        owner, name = full.split("/")
        if owner == "skip":
            return None
        info = await repo(owner, name)
        return f"{owner}:{info['stars']}:{len(await open_issues(owner, name))}"

    fetched = await gather_in_order((fetch_repo(full) for full in names), limit=10)
    hot = {item for item in fetched if item is not None}
    return sorted(hot)


class Note:
    saved = []

    def __init__(self, text):
        self.text = text

    def save(self):
        Note.saved.append(self.text)


async def noted(names):
    out = []
    for full in names:
        owner, name = full.split("/")
        repo_outcome, open_issues_outcome = await gather_outcomes(
            repo(owner, name),
            open_issues(owner, name, limit=1),
        )
        note = Note(repo_outcome.result()["name"])
        note.save()
        out.append(open_issues_outcome.result())
    return out, list(Note.saved)


async def labels(names):
    async def fetch_repo(full):
        owner, name = full.split("/")
        info = await repo(owner, name)
        return label(info, await open_issues(owner, name))

    out = await gather_in_order((fetch_repo(full) for full in names), limit=10)
    return out


async def marked(names):
    async def fetch_card(full):
        owner, _, name = full.partition("/")
        if not name:
            return None
        try:
            info = await repo(owner, name)
        except NotFound:
            return {"name": full, "missing": True}
        info["issues"] = await open_issues(owner, name, limit=1)
        return info

    fetched = await gather_in_order((fetch_card(full) for full in names), limit=10)
    cards = [card for card in fetched if card is not None]
    return cards


async def last_owner(names):
    out = []

    def owner_seen_last():
        return owner

    for full in names:
        owner, name = full.split("/")
        out.append(await open_issues(owner, name, limit=1))
    return out, owner_seen_last()

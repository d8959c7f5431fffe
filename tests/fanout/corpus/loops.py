"""for loops that fetch once per item and then work with the result."""

import logging
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import httpx
import requests

from .api import HEADERS, Api, check_user, get_name, get_user

log = logging.getLogger(__name__)

IDS = [1, 2, 3, 4, 5, 6]
session = requests.Session()
WITH_MISSING = [1, 2, 99, 4, 5, 6]


def loop_append(urls):
    names = []
    for user_id in IDS:
        names.append(get_user(urls["social"], user_id)["name"])
    return names


def loop_temp_then_append(urls):
    users = []
    for user_id in IDS:
        user = get_user(urls["social"], user_id)
        users.append(user)
    return users


def loop_skip_missing(urls):
    names = []
    for user_id in WITH_MISSING:
        response = session.get(f"{urls['social']}/v1/users/{user_id}", headers=HEADERS)
        if response.status_code == 404:
            continue
        names.append(response.json()["name"])
    return names


def loop_conditional_dict(urls):
    handles = {}
    for user_id in IDS:
        user = get_user(urls["social"], user_id)
        if user["id"] % 2 == 0:
            handles[user_id] = user["handle"]
    return handles


def loop_try_except(urls):
    found, missing = [], []
    for user_id in WITH_MISSING:
        try:
            user = get_user(urls["social"], user_id)
        except requests.HTTPError:
            log.warning("no user %s", user_id)
            missing.append(user_id)
            continue
        found.append(user["handle"])
    return found, missing


def loop_dict_per_item(urls):
    rows = []
    for user_id in IDS:
        user = get_user(urls["social"], user_id)
        row = {"id": user_id, "name": user["name"], "shout": user["name"].upper()}
        rows.append(row)
    return rows


def loop_logging(urls):
    posts = []
    for user_id in IDS:
        log.info("fetching the latest post of %s", user_id)
        url = f"{urls['social']}/v1/users/{user_id}/posts/latest"
        post = session.get(url, headers=HEADERS).json()
        log.debug("got %s", post["text"])
        posts.append(post["text"])
    return posts


def loop_set_add(urls):
    handles = set()
    for user_id in [1, 2, 3, 2, 1, 4]:
        handles.add(get_user(urls["social"], user_id)["handle"])
    return sorted(handles)


def loop_bare_requests(urls):
    texts = []
    for user_id in IDS:
        response = requests.get(f"{urls['social']}/v1/users/{user_id}", headers=HEADERS)
        texts.append(response.json()["handle"])
    return texts


def loop_in_session_block(urls):
    names = []
    with requests.Session() as s:
        for user_id in IDS:
            data = s.get(f"{urls['social']}/v1/users/{user_id}", headers=HEADERS).json()
            names.append(data["name"])
    return names


def loop_client_method(urls):
    client = Api(urls["social"])
    texts = []
    for user_id in IDS:
        post = client.latest_post(user_id)
        texts.append(post["text"])
    return texts


def loop_helper_chain(urls):
    out = {}
    for user_id in IDS:
        out[user_id] = get_name(urls["social"], user_id)
    return out


def loop_error_propagates(urls):
    names = []
    for user_id in WITH_MISSING:
        names.append(get_user(urls["social"], user_id)["name"])
    return names


def loop_dict_items(urls):
    labels = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6}
    out = []
    for label, user_id in labels.items():
        user = get_user(urls["social"], user_id)
        out.append(f"{label}={user['handle']}")
    return out


class Directory:
    """Fetches through ``self.api``, the way services hold a client."""

    def __init__(self, base):
        self.api = Api(base)
        self.seen = []

    def names(self, ids):
        result = []
        for user_id in ids:
            user = self.api.user(user_id)
            self.seen.append(user_id)
            result.append(user["name"])
        return result


def loop_self_method(urls):
    return Directory(urls["social"]).names(IDS)


def loop_httpx_client(urls):
    out = []
    with httpx.Client(headers=HEADERS) as client:
        for user_id in IDS:
            data = client.get(f"{urls['social']}/v1/users/{user_id}").json()
            out.append((user_id, data["handle"]))
    return out


def loop_nested(urls):
    groups = {"odd": [1, 3, 5], "even": [2, 4, 6]}
    names = {}
    for group, ids in groups.items():
        for user_id in ids:
            names[user_id] = (group, get_user(urls["social"], user_id)["name"])
    return names


def loop_enumerate(urls):
    ranked = []
    for rank, user_id in enumerate(IDS, start=1):
        user = get_user(urls["social"], user_id)
        ranked.append((rank, user["handle"]))
    return ranked


def loop_tuple_target(urls):
    wanted = [("a", (1, "name")), ("b", (2, "handle")), ("c", (3, "name")), ("d", (4, "id"))]
    out = {}
    for label, (user_id, field) in wanted:
        out[label] = get_user(urls["social"], user_id)[field]
    return out


def loop_range_len(urls):
    names = [None] * len(IDS)
    for index in range(len(IDS)):
        names[index] = get_user(urls["social"], IDS[index])["name"]
    return names


def loop_walrus(urls):
    handles = []
    for user_id in IDS:
        if (user := get_user(urls["social"], user_id))["id"] % 2:
            handles.append(user["handle"])
    return handles


class Catalog:
    """A client class holding its own session, the way SDKs are written."""

    def __init__(self, base):
        self.base = base
        self.session = requests.Session()

    def handles(self, ids):
        out = []
        for user_id in ids:
            response = self.session.get(f"{self.base}/v1/users/{user_id}", headers=HEADERS)
            response.raise_for_status()
            out.append(response.json()["handle"])
        return out


def loop_session_attribute(urls):
    return Catalog(urls["social"]).handles(IDS)


def loop_nested_teams(urls):
    teams = [{"name": "a", "members": [1, 2]}, {"name": "b", "members": [3, 4, 5]}]
    handles = []
    for team in teams:
        for user_id in team["members"]:
            handles.append(f"{team['name']}:{get_user(urls['social'], user_id)['handle']}")
    return handles


def loop_result_unused(urls):
    for user_id in IDS:
        check_user(urls["social"], user_id)
    return "all there"


def loop_result_unused_then_note(urls):
    checked = []
    for user_id in WITH_MISSING:
        check_user(urls["social"], user_id)
        checked.append(user_id)
    return checked


def calls_result_unused(urls):
    check_user(urls["social"], 1)
    check_user(urls["social"], 2)
    return get_user(urls["social"], 3)["name"]


def loop_two_fetches(urls):
    client = Api(urls["social"])
    rows = []
    for user_id in IDS:
        user = client.user(user_id)
        post = client.latest_post(user_id)
        rows.append((user["handle"], post["text"]))
    return rows


def loop_two_fetches_one_statement(urls):
    rows = {}
    for user_id in WITH_MISSING:
        url = f"{urls['social']}/v1/users/{user_id}/posts/latest"
        response = session.get(url, headers=HEADERS)
        rows[user_id] = (get_name(urls["social"], user_id), response.status_code)
    return rows


def loop_second_fetch_depends(urls):
    out = []
    for user_id in IDS:
        user = get_user(urls["social"], user_id)
        url = f"{urls['social']}/v1/users/{user['id']}/posts/latest"
        post = session.get(url, headers=HEADERS).json()
        out.append((user_id, post["text"]))
    return out


def loop_url_in_f_string(urls):
    texts = []
    for user_id in IDS:
        url = f"{urls['social']}/v1/users/{user_id}"
        texts.append(session.get(f"{url}/posts/latest", headers=HEADERS).json()["text"])
    return texts


def loop_try_two_fetches(urls):
    client = Api(urls["social"])
    rows, missing = [], []
    for user_id in WITH_MISSING:
        try:
            user = client.user(user_id)
            post = client.latest_post(user_id)
        except requests.HTTPError:
            missing.append(user_id)
            continue
        rows.append((user["handle"], post["text"]))
    return rows, missing


def loop_try_fetch_then_work(urls):
    names, failed = [], []
    for user_id in WITH_MISSING:
        try:
            user = get_user(urls["social"], user_id)
            name = user["name"].title()
            log.info("found %s", name)
            names.append(name)
        except requests.HTTPError as exc:
            failed.append((user_id, exc.response.status_code))
    return names, failed


def loop_try_url_first(urls):
    handles, failed = [], []
    for user_id in WITH_MISSING:
        try:
            url = f"{urls['social']}/v1/users/{user_id}"
            response = session.get(url, headers=HEADERS)
            response.raise_for_status()
            handles.append(response.json()["handle"])
        except requests.HTTPError as exc:
            failed.append(exc.response.status_code)
    return handles, failed


class Recorder:
    """Notes each user it saw, the way services keep an audit trail."""

    def __init__(self, base):
        self.base = base
        self.seen = []

    def names(self, ids):
        out = []
        for user_id in ids:
            user = get_user(self.base, user_id)
            self.seen.append(user["handle"])
            out.append(user["name"])
        return out


def loop_handled_before_failure(urls):
    recorder = Recorder(urls["social"])
    try:
        return recorder.names(WITH_MISSING)
    except requests.HTTPError:
        return recorder.seen


MISSING_EARLY = [1, 99, *range(2, 21)]


def loop_try_uncaught(urls):
    handles = []
    for user_id in MISSING_EARLY:
        try:
            user = get_user(urls["social"], user_id)
        except requests.Timeout:
            log.warning("social timed out on %s", user_id)
            continue
        handles.append(user["handle"])
    return handles


class Audit:
    """Records each user it fetched, then fails on the first it can't find."""

    def __init__(self, base):
        self.base = base
        self.seen = []

    def handles(self, ids):
        out = []
        for user_id in ids:
            try:
                user = get_user(self.base, user_id)
            except (requests.ConnectionError, requests.Timeout):
                self.seen.append(None)
                continue
            self.seen.append(user_id)
            out.append(user["handle"])
        return out


def loop_try_uncaught_after_effects(urls):
    audit = Audit(urls["social"])
    try:
        return audit.handles(MISSING_EARLY)
    except requests.HTTPError as exc:
        raise LookupError(f"seen before the failure: {audit.seen}") from exc


def loop_stops_at_failure(urls):
    recorder = Recorder(urls["social"])
    try:
        return recorder.names(MISSING_EARLY)
    except requests.HTTPError as exc:
        raise LookupError(f"seen before the failure: {recorder.seen}") from exc


def loop_over_pool_map(urls):
    base = urls["social"]
    seen = []
    try:
        with ThreadPoolExecutor(max_workers=3) as pool:
            for user in pool.map(partial(get_user, base), [1, 2, 3, 4, 5, 99]):
                seen.append(user["handle"])
                log.info("got %s", user["handle"])
    except requests.HTTPError:
        return "failed after", seen
    return seen


def loop_over_map(urls):
    seen = []
    try:
        for user in map(partial(get_user, urls["social"]), WITH_MISSING):
            seen.append(user["handle"])
    except requests.HTTPError:
        return "failed after", seen
    return seen


def loop_try_catches_everything(urls):
    handles = []
    for user_id in [1, 2, 99, 4]:
        try:
            url = f"{urls['social']}/v1/users/{user_id}"
            handles.append(session.get(url, headers=HEADERS).json()["handle"])
        except Exception:
            handles.append(None)
    return handles


def loop_item_body_builds_card(urls):
    cards = []
    for ref in [f"social:{i}" for i in WITH_MISSING]:
        service, _, user_id = ref.partition(":")
        try:
            user = get_user(urls[service], user_id)
        except requests.HTTPError:
            log.warning("no user %s", user_id)
            cards.append({"id": user_id, "missing": True})
            continue
        url = f"{urls[service]}/v1/users/{user['id']}/posts/latest"
        user["latest"] = session.get(url, headers=HEADERS).json()["text"]
        cards.append(user)
    return cards


def loop_body_dict_with_skip(urls):
    found = {}
    for user_id in WITH_MISSING:
        base = urls["social"]
        response = session.get(f"{base}/v1/users/{user_id}", headers=HEADERS)
        if response.status_code == 404:
            continue
        user = response.json()
        url = f"{base}/v1/users/{user['id']}/posts/latest"
        found[user["handle"]] = session.get(url, headers=HEADERS).json()["text"]
    return found


def loop_body_set(urls):
    handles = set()
    for user_id in IDS:
        user = get_user(urls["social"], user_id)
        url = f"{urls['social']}/v1/users/{user['id']}/posts/latest"
        latest = session.get(url, headers=HEADERS).json()
        handles.add(f"{user['handle']}:{latest['text'][:3]}")
    return sorted(handles)

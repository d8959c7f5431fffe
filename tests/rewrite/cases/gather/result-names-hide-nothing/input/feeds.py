import requests


def get_json(url):
    resp = requests.get(url, timeout=10)
    resp.raise_for_status()
    return resp.json()


def feed_counts(base, names):
    counts = []
    for name in names:
        counts.append(get_json(f"{base}/feeds/{name}")["count"])
    try:
        pinned = get_json(f"{base}/feeds/pinned")["count"]
    except requests.RequestException:
        pinned = 0
    return counts, pinned

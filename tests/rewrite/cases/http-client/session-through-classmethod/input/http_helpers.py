def fetch_json(session, url, **params):
    response = session.get(url, params=params, timeout=10)
    response.raise_for_status()
    return response.json()

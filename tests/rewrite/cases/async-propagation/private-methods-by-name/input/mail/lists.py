def purge(client, list_ids):
    """Delete the lists; ``client`` is whatever the caller has, no type given."""
    # ``_delete`` is also a private method of threading.Thread: no reason to take
    # this for anything but the project's own.
    return [client._delete(f"/lists/{list_id}") for list_id in list_ids]


def names(client, list_ids):
    return [client._get(f"/lists/{list_id}")["name"] for list_id in list_ids]

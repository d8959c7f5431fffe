from ._async_helpers import gather_in_order


async def purge(client, list_ids):
    """Delete the lists; ``client`` is whatever the caller has, no type given."""
    # ``_delete`` is also a private method of threading.Thread: no reason to take
    # this for anything but the project's own.
    return [await client._delete(f"/lists/{list_id}") for list_id in list_ids]


async def names(client, list_ids):
    responses = await gather_in_order(
        (client._get(f"/lists/{list_id}") for list_id in list_ids), limit=10
    )
    return [response["name"] for response in responses]

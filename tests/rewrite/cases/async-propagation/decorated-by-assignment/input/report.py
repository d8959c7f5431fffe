from status import get_status, incidents


def summary(name):
    state = get_status(name)["state"]
    open_incidents = incidents(name)["open"]
    return f"{name}: {state}, {open_incidents} open"

from rooms import Hub


def title(room_id, name=None):
    # What ``room`` gives is read from a dict: its type is not known here.
    return Hub().room(room_id, name).display_name.title()

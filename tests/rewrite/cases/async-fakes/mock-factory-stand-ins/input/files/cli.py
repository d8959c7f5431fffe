from .models import Client


def fetch(base, project_id, storage, path, fp):
    project = Client(base).project(project_id)
    store = project.storage(storage)
    for file_ in store.files:
        if file_.path == path:
            file_.write_to(fp)
            return True
    return False


def listing(base, project_id):
    project = Client(base).project(project_id)
    return [(store.name, file_.path) for store in project.storages for file_ in store.files]

from .api import OSF


def _connect(base):
    return OSF(base)


def listing(base, project_id):
    osf = _connect(base)
    project = osf.project(project_id)
    paths = []
    for store in project.storages:
        for path in store.files:
            paths.append(f"{store.name}:{path}")
    return project.title, paths


def first_file(base, project_id, name):
    project = _connect(base).project(project_id)
    for path in project.storage(name).files:
        return path
    return None

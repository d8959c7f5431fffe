from .api import OSF


def _connect(base):
    return OSF(base)


async def listing(base, project_id):
    osf = _connect(base)
    project = await osf.project(project_id)
    paths = []
    async for store in project.storages:
        async for path in store.files:
            paths.append(f"{store.name}:{path}")
    return project.title, paths


async def first_file(base, project_id, name):
    project = await _connect(base).project(project_id)
    async for path in (await project.storage(name)).files:
        return path
    return None

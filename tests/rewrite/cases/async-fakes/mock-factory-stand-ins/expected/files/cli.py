from .models import Client


async def fetch(base, project_id, storage, path, fp):
    project = await Client(base).project(project_id)
    store = await project.storage(storage)
    async for file_ in store.files:
        if file_.path == path:
            await file_.write_to(fp)
            return True
    return False


async def listing(base, project_id):
    project = await Client(base).project(project_id)
    return [
        (store.name, file_.path)
        async for store in project.storages
        async for file_ in store.files
    ]

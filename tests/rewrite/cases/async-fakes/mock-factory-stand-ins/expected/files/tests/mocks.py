from unittest.mock import AsyncMock, MagicMock, PropertyMock

from files._async_helpers import AsyncItemsList


def MockFile(path):
    mock = MagicMock(name=f"File-{path}", remove=AsyncMock(), write_to=AsyncMock())
    type(mock).path = PropertyMock(return_value=path)
    return mock


def MockStorage(name):
    mock = MagicMock(
        name=f"Storage-{name}",
        files=AsyncItemsList([MockFile("/a.txt"), MockFile("/b.txt")]),
    )
    type(mock).name = PropertyMock(return_value=name)
    return mock


def MockProject(name):
    mock = MagicMock(
        name=f"Project-{name}",
        storages=AsyncItemsList([MockStorage("osf"), MockStorage("gh")]),
    )
    storage = AsyncMock(name=f"Project-{name}-storage", return_value=MockStorage("osf"))
    type(mock).storage = storage
    mock._storage_mock = storage
    return mock

from unittest.mock import MagicMock, PropertyMock


def MockFile(path):
    mock = MagicMock(name=f"File-{path}")
    type(mock).path = PropertyMock(return_value=path)
    return mock


def MockStorage(name):
    mock = MagicMock(name=f"Storage-{name}", files=[MockFile("/a.txt"), MockFile("/b.txt")])
    type(mock).name = PropertyMock(return_value=name)
    return mock


def MockProject(name):
    mock = MagicMock(name=f"Project-{name}", storages=[MockStorage("osf"), MockStorage("gh")])
    storage = MagicMock(name=f"Project-{name}-storage", return_value=MockStorage("osf"))
    type(mock).storage = storage
    mock._storage_mock = storage
    return mock

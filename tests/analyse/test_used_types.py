"""Names no value flows into, typed by the methods called through them (see
used_types): only where nothing the project shows gives them another value,
and only to one class (the one that has every method, the one named like the
attribute, or the base of all that fit)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CLIENT = """\
    import requests


    class Client:
        def __init__(self):
            self.session = requests.Session()

        def post(self, path):
            return self.session.post("https://api.example.com" + path).json()


    class Batch:
        def __init__(self, client):
            self.client = client

        def execute(self, ops):
            return self.client.post("/batch")

        def commit(self):
            return self.client.post("/commit")


    class Draft:
        def __init__(self, client):
            self.client = client

        def execute(self, ops):
            return self.client.post("/draft")

        def commit(self):
            return self.client.post("/draft/commit")
    """


def _async_functions(tmp_path: Path, files: dict[str, str]) -> set[str]:
    for name, text in {"api.py": CLIENT, **files}.items():
        (tmp_path / name).write_text(textwrap.dedent(text))
    return analyse_paths([tmp_path], jobs=1).colouring.async_functions


def _owner(name: str) -> dict[str, str]:
    return {
        "use.py": f"""\
            import api

            KINDS = {{"{name}": api.Draft}}


            class Owner:
                def __init__(self):
                    for attr, cls in KINDS.items():
                        setattr(self, attr, cls(api.Client()))

                def run(self):
                    self.{name}.execute([])
                    return self.{name}.commit()
            """
    }


def test_no_one_class_for_methods_two_classes_have(tmp_path: Path) -> None:
    assert "use.Owner.run" not in _async_functions(tmp_path, _owner("job"))


def test_the_name_picks_one_of_the_classes_that_fit(tmp_path: Path) -> None:
    assert "use.Owner.run" in _async_functions(tmp_path, _owner("draft"))


def test_a_library_value_assigned_keeps_the_name_untyped(tmp_path: Path) -> None:
    found = _async_functions(
        tmp_path,
        {
            "make.py": "import api\n\n\ndef batch():\n    return api.Batch(api.Client())\n",
            "store.py": """\
                import shelve


                class Store:
                    def __init__(self, batch):
                        self.batch = batch

                    def save(self, key, value):
                        self.batch.execute(key, value)
                        self.batch.commit()


                def open_store(path):
                    return Store(shelve.open(path))
                """,
        },
    )
    assert "api.Batch.commit" in found
    assert "store.Store.save" not in found

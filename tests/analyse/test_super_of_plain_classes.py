"""``super().__init__()`` in a class whose bases the project knows reaches the
next class of its MRO, which may be no class of the project's at all
(``object``'s, in a class with no bases): then it reaches no method that
becomes async, and the plan names no call it cannot tell
(migrate/analyse/review.py). In a mixin whose subclass puts a project class
after it, it reaches that class's method, and the plan follows it."""

from __future__ import annotations

import textwrap
from pathlib import Path

from migrate.analyse.run import analyse_paths

CODE = """
    import requests


    class Search:
        def __init__(self, url):
            super(Search, self).__init__()
            self.fields = requests.get(url, timeout=5).json()


    class Upload:
        def __init__(self, name):
            super().__init__()
            self.name = name


    class Named:
        def __init__(self, url):
            super().__init__(url)


    class NamedSearch(Named, Search):
        pass
"""


def test_super_reaching_no_project_class_is_no_review(tmp_path: Path) -> None:
    (tmp_path / "api.py").write_text(textwrap.dedent(CODE))
    analysis = analyse_paths([tmp_path], jobs=1)
    assert "api.Search.__init__" in analysis.colouring.async_functions
    unknown = {r.function for r in analysis.colouring.review if "cannot tell what" in r.reason}
    assert "api.Search.__init__" not in unknown
    assert "api.Upload.__init__" not in unknown
    # Named's super() reaches Search.__init__ in NamedSearch: followed, not named.
    assert "api.Named.__init__" in analysis.colouring.async_functions

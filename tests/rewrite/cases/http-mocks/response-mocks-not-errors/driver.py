"""Patches of requests whose response mocks leave ``ok`` unset, while the code
reads ``r.ok`` (``return r.ok``, ``if not r.ok: return None``) or calls
``raise_for_status()``: the code reads ``r.is_error`` now, which a bare
``MagicMock`` answers with a truthy mock. Each mock made for a response (the
``MagicMock()`` a moved patch answers, ``return_value=resp``,
``get.return_value = Mock(status_code=200)``, a class's patch) is told
``is_error=False``, as the legacy ``r.ok`` was truthy; ``is_error`` follows a
status or an error the test sets, and is True where the test asserts
``raise_for_status`` was called. Only the unpatched test is served."""

ROUTES = {
    "GET hooks.example.com /feed": (200, {"items": [{"id": 9}]}),
}

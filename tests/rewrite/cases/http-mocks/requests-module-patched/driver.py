"""Tests that patch the requests module the code under test imports
(``@mock.patch("notify.slack.requests")``, ``patch.object(slack, "requests")``),
or one of its functions through pytest-mock (``mocker.patch("notify.slack.requests.get")``):
once the code sends through httpx they would catch nothing, and the request would
reach the network. The module patch moves to the httpx module the code names,
made by the helpers module's ``httpx_module_mock``: its clients answer through
the mock's ``post``, which the test configures and asserts on as before, still
under the name it gave it (``requests_mock``, not requests-mock's fixture)."""

ROUTES = {
    "GET slack.example.com /api/users.info?user=U2": (200, {"ok": True, "user": {"name": "grace"}}),
    "GET slack.example.com /api/users.info?user=U0": (200, {"ok": False}),
}

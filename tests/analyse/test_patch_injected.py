"""Which test parameters ``mock.patch`` decorators fill, and so are no fixtures."""

from __future__ import annotations

import ast
import textwrap

from migrate.analyse.frameworks import patch_injected
from migrate.plan.mock_scope import mocks_transport


def _decorators(source: str) -> list[ast.expr]:
    fn = ast.parse(textwrap.dedent(source)).body[0]
    assert isinstance(fn, ast.FunctionDef)
    return fn.decorator_list


def test_each_patch_without_its_fake_fills_one_parameter() -> None:
    source = """
        @mock.patch("app.requests")
        @patch.object(app, "requests")
        @mock.patch("app.sleep", fake)
        @patch.object(app, "sleep", new=fake)
        @pytest.mark.parametrize("x", [1])
        def test(a, b, x):
            pass
    """
    assert patch_injected(_decorators(source)) == 2


def test_a_patch_filled_parameter_named_requests_mock_is_no_fixture() -> None:
    patched = """
        from unittest import mock

        @mock.patch("app.requests")
        def test_post(requests_mock):
            requests_mock.post.return_value.status_code = 200


        @mock.patch("app.requests")
        class TestApi:
            def test_get(self, requests_mock):
                pass
    """
    assert not mocks_transport(textwrap.dedent(patched))
    fixture = """
        def test_post(requests_mock):
            requests_mock.post("http://x", json={})
    """
    assert mocks_transport(textwrap.dedent(fixture))

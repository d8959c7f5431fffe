import inspect
from unittest import mock

import pytest

from clients import Api


@pytest.fixture()
def api():
    return Api()


def pytest_generate_tests(metafunc):
    if "method" in metafunc.fixturenames:
        metafunc.parametrize("method", metafunc.cls.methods)


class BoundModelTests:
    """Each bound model method hands itself and its arguments to its client."""

    def test_method(self, resource_client, bound_model, method):
        client_method = mock.MagicMock()
        setattr(resource_client, method.__name__, client_method)
        names = list(inspect.signature(method).parameters)[1:]
        kwargs = {name: mock.Mock() for name in names}

        result = getattr(bound_model, method.__name__)(**kwargs)

        client_method.assert_called_once_with(bound_model, **kwargs)
        assert result is client_method.return_value

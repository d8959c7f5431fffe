import pytest

from api.errors import HttpError, on_http_error
from api.hooks import Hook, HookTestError


def test_hook_error_is_converted():
    with pytest.raises(HookTestError, match="hook failed"):
        Hook(2).test()


def test_a_function_of_its_own():
    class Failed(HttpError):
        pass

    @on_http_error(Failed)
    def fail():
        raise HttpError("boom", 500)

    with pytest.raises(Failed) as raised:
        fail()
    assert isinstance(raised.value.__cause__, HttpError)

import pytest

from api.errors import HttpError, on_http_error
from api.hooks import Hook, HookTestError


@pytest.mark.asyncio
async def test_hook_error_is_converted():
    with pytest.raises(HookTestError, match="hook failed"):
        await Hook(2).test()


@pytest.mark.asyncio
async def test_a_function_of_its_own():
    class Failed(HttpError):
        pass

    @on_http_error(Failed)
    async def fail():
        raise HttpError("boom", 500)

    with pytest.raises(Failed) as raised:
        await fail()
    assert isinstance(raised.value.__cause__, HttpError)

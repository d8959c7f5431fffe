import pytest

from app.commands import Unauthorized, handled


@pytest.mark.asyncio
async def test_a_command_of_its_own():
    @handled
    async def refuse():
        raise Unauthorized()

    assert await refuse() == "not authorized"

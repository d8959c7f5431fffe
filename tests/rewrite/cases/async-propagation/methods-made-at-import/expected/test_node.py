import pytest

from node import Node


@pytest.fixture
def node():
    return Node("http://mon.example.com")


@pytest.mark.asyncio
@pytest.mark.parametrize("method_name,expected", [("get_memory", 5), ("get_swap", 7)])
async def test_getters(node, method_name, expected):
    assert await getattr(node, method_name)() == expected

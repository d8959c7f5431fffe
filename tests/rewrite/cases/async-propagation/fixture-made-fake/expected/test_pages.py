import pytest

from pages import ResourceClient, Users


class TestResourceClient:
    @pytest.fixture()
    def client_constructor(self):
        def constructor(pages):
            class Fake(ResourceClient):
                async def get_list(self, page=1, role=None):
                    following = page + 1 if page < len(pages) else 0
                    return [(item, role) for item in pages[page - 1]], following

            return Fake()

        return constructor

    @pytest.mark.asyncio
    async def test_iter_pages(self, client_constructor):
        client = client_constructor([[1, 2], [3]])
        assert await client._iter_pages(client.get_list, role="admin") == [
            (1, "admin"),
            (2, "admin"),
            (3, "admin"),
        ]

    @pytest.mark.asyncio
    async def test_first(self, client_constructor):
        client = client_constructor([[4]])
        assert await client._first(client.get_list) == (4, None)

    @pytest.mark.asyncio
    async def test_first_of_nothing(self, client_constructor):
        client = client_constructor([[]])
        assert await client._first(client.get_list) is None


@pytest.mark.asyncio
async def test_users_pages():
    assert await Users().get_all() == [1, 2, 3]

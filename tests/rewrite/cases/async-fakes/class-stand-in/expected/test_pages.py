import unittest
from unittest import mock

from _async_helpers import async_class_mock
from wiki.badges import Badge
from wiki.pages import Page, open_page


class TestPage(unittest.IsolatedAsyncioTestCase):
    @mock.patch("wiki.site.Site", new_callable=async_class_mock("wiki.site.Site"))
    async def test_fetches_on_init(self, mock_site):
        mock_site.get.return_value = {"title": "Main"}
        page = await Page.create(mock_site, "Main")
        assert page.exists
        mock_site.get.assert_called_once_with("page", title="Main")

    @mock.patch("wiki.site.Site", new_callable=async_class_mock("wiki.site.Site"))
    async def test_text(self, mock_site):
        mock_site.get.side_effect = [{"missing": ""}, {"text": "Welcome"}]
        page = await Page.create(mock_site, "Main")
        assert not page.exists
        assert await page.text() == "Welcome"
        assert mock_site.get.call_count == 2

    async def test_opened_with_a_given_site(self):
        site = mock.MagicMock(get=mock.AsyncMock())
        site.get.return_value = {"title": "Main", "text": "Given"}
        with mock.patch(
            "wiki.pages.Site",
            return_value=site,
            new_callable=async_class_mock("wiki.pages.Site"),
        ) as site_class:
            assert await (await open_page("Main")).text() == "Given"
        site_class.assert_called_once_with()
        assert site.get.call_count == 2

    async def test_real_site(self):
        assert await (await open_page("Main")).text() == "Welcome"


class TestStarted(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        MockSite = mock.patch(
            "wiki.site.Site", new_callable=async_class_mock("wiki.site.Site")
        ).start()
        self.site = MockSite()
        self.site.get.return_value = {"title": "Main", "text": "Hi"}
        self.page = await Page.create(self.site, "Main")

    def tearDown(self):
        mock.patch.stopall()

    async def test_text(self):
        assert await self.page.text() == "Hi"

    def test_editable(self):
        self.site.logged_in = True
        assert self.page.editable()


class FakeSite:
    async def get(self, action):
        return {"label": "fake"}


class TestBadge(unittest.IsolatedAsyncioTestCase):
    @mock.patch("wiki.site.Site", new_callable=async_class_mock("wiki.site.Site"))
    async def test_label(self, mock_site):
        mock_site.get.return_value = {"label": "gold"}
        assert await Badge(mock_site).label() == "gold"

    async def test_fake(self):
        assert await Badge(FakeSite()).label() == "fake"

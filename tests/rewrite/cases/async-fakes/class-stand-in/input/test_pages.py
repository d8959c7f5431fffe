import unittest
from unittest import mock

from wiki.badges import Badge
from wiki.pages import Page, open_page


class TestPage(unittest.TestCase):
    @mock.patch("wiki.site.Site")
    def test_fetches_on_init(self, mock_site):
        mock_site.get.return_value = {"title": "Main"}
        page = Page(mock_site, "Main")
        assert page.exists
        mock_site.get.assert_called_once_with("page", title="Main")

    @mock.patch("wiki.site.Site")
    def test_text(self, mock_site):
        mock_site.get.side_effect = [{"missing": ""}, {"text": "Welcome"}]
        page = Page(mock_site, "Main")
        assert not page.exists
        assert page.text() == "Welcome"
        assert mock_site.get.call_count == 2

    def test_opened_with_a_given_site(self):
        site = mock.MagicMock()
        site.get.return_value = {"title": "Main", "text": "Given"}
        with mock.patch("wiki.pages.Site", return_value=site) as site_class:
            assert open_page("Main").text() == "Given"
        site_class.assert_called_once_with()
        assert site.get.call_count == 2

    def test_real_site(self):
        assert open_page("Main").text() == "Welcome"


class TestStarted(unittest.TestCase):
    def setUp(self):
        MockSite = mock.patch("wiki.site.Site").start()
        self.site = MockSite()
        self.site.get.return_value = {"title": "Main", "text": "Hi"}
        self.page = Page(self.site, "Main")

    def tearDown(self):
        mock.patch.stopall()

    def test_text(self):
        assert self.page.text() == "Hi"

    def test_editable(self):
        self.site.logged_in = True
        assert self.page.editable()


class FakeSite:
    def get(self, action):
        return {"label": "fake"}


class TestBadge(unittest.TestCase):
    @mock.patch("wiki.site.Site")
    def test_label(self, mock_site):
        mock_site.get.return_value = {"label": "gold"}
        assert Badge(mock_site).label() == "gold"

    def test_fake(self):
        assert Badge(FakeSite()).label() == "fake"

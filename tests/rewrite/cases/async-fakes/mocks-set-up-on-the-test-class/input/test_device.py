import unittest
from unittest.mock import Mock

from account import Device


class TestDevice:
    def setup_method(self):
        self.account = Mock()
        self.account.push.return_value = {"ok": True}
        self.device = Device(self.account, "d1")

    def test_push_note(self):
        assert self.device.push_note("hi") == {"ok": True}
        self.account.push.assert_called_with({"title": "hi", "device": "d1"})


class TestSharedDevice:
    def setup_class(cls):
        cls.account = Mock()
        cls.device = Device(cls.account, "d2")

    def test_push_note(self):
        self.device.push_note("hello")
        self.account.push.assert_called_once_with({"title": "hello", "device": "d2"})


class DeviceTestCase(unittest.TestCase):
    def setUp(self):
        self.account = Mock()
        self.device = Device(self.account, "d3")

    def test_push_note(self):
        self.device.push_note("hey")
        self.account.push.assert_called_with({"title": "hey", "device": "d3"})

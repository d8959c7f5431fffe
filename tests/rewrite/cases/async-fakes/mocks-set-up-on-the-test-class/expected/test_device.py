import unittest
from unittest.mock import AsyncMock, Mock

import pytest

from account import Device


class TestDevice:
    def setup_method(self):
        self.account = Mock(push=AsyncMock())
        self.account.push.return_value = {"ok": True}
        self.device = Device(self.account, "d1")

    @pytest.mark.asyncio
    async def test_push_note(self):
        assert await self.device.push_note("hi") == {"ok": True}
        self.account.push.assert_called_with({"title": "hi", "device": "d1"})


class TestSharedDevice:
    def setup_class(cls):
        cls.account = Mock(push=AsyncMock())
        cls.device = Device(cls.account, "d2")

    @pytest.mark.asyncio
    async def test_push_note(self):
        await self.device.push_note("hello")
        self.account.push.assert_called_once_with({"title": "hello", "device": "d2"})


class DeviceTestCase(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.account = Mock(push=AsyncMock())
        self.device = Device(self.account, "d3")

    async def test_push_note(self):
        await self.device.push_note("hey")
        self.account.push.assert_called_with({"title": "hey", "device": "d3"})

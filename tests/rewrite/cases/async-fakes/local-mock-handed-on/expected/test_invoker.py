from unittest.mock import AsyncMock, Mock, call

import pytest

from invoker import Invoker, trigger


@pytest.mark.asyncio
async def test_invokes_each_job(monkeypatch):
    job = Mock(invoke=AsyncMock())
    job.invoke.return_value = 201
    api = Mock(get_job=AsyncMock())
    api.get_job.return_value = job
    monkeypatch.setattr(Invoker, "_get_api", Mock(return_value=api))

    assert await Invoker("http://ci", ["a", "b"]).run(token="t") == [201, 201]
    assert api.get_job.call_args_list == [call("a"), call("b")]
    assert job.invoke.call_args_list == [call(token="t"), call(token="t")]


@pytest.mark.asyncio
async def test_trigger_hands_the_server_on():
    server = Mock(get_job=AsyncMock())
    server.get_job.return_value.invoke.return_value = 200
    assert await trigger(server, "deploy") == 200
    server.get_job.assert_called_once_with("deploy")


def test_a_mock_the_test_calls_itself_stays():
    server = Mock()
    server.get_job.return_value = "plain"
    assert server.get_job("x") == "plain"
    assert server.get_job.called

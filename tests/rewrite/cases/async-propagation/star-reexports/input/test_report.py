from cloud.report import server_names, status


def test_server_names():
    assert server_names() == ["web"]


def test_status():
    assert status(1) == "up"

from shop import report


def test_describe(client):
    assert report.describe(client, 2) == "ink: 3"


def test_reprice(client):
    assert report.reprice(client, 1, 2) == 2

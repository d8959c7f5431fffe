def test_forecast(client):
    response = client.get("/forecast?city=Oslo")
    assert response.status_code == 200
    assert response.get_json() == {"city": "Oslo"}
    assert b"Oslo" in response.data


def test_status_only(client):
    assert client.get("/forecast").status_code == 200

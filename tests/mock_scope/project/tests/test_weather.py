import responses

from shop import weather


@responses.activate
def test_forecast():
    responses.add(responses.GET, "https://weather.example.test/v1/forecast", json={"temp": 21})
    assert weather.forecast("Oslo") == {"temp": 21}
    assert len(responses.calls) == 1


@responses.activate
def test_warmest():
    responses.add(
        responses.GET,
        "https://weather.example.test/v1/forecast?city=Oslo",
        json={"temp": 12},
    )
    responses.add(
        responses.GET,
        "https://weather.example.test/v1/forecast?city=Rome",
        json={"temp": 25},
    )
    assert weather.warmest(["Oslo", "Rome"]) == "Rome"

import responses

from shop import partner, weather


@responses.activate
def test_forecast_for_the_partner():
    responses.get("https://weather.example.test/v1/forecast", json={"temp": 4})
    responses.get("https://partner.example.test/v1/orders", json=[{"id": 1}])
    orders = partner.PartnerSession("t0k").orders()
    assert weather.forecast("Oslo") == {"temp": 4}
    assert len(orders) == 1
    assert len(responses.calls) == 2
    assert responses.calls[1].request.url.endswith("city=Oslo")

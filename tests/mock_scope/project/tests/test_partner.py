import responses

from shop.partner import PartnerSession


@responses.activate
def test_orders():
    responses.add(responses.GET, "https://partner.example.test/v1/orders", json=[{"id": 7}])
    assert PartnerSession("t0k").orders() == [{"id": 7}]
    assert responses.calls[0].request.headers["Authorization"] == "Bearer t0k"

import responses

import prices
import stock


@responses.activate
def test_both():
    responses.get("https://prices.example.test/a", json={"price": 3})
    responses.get("https://stock.example.test/a", json={"stock": 9})
    assert prices.price("a") == 3
    assert stock.stock("a") == 9
    assert len(responses.calls) == 2
    assert responses.calls[1].request.url == "https://stock.example.test/a"

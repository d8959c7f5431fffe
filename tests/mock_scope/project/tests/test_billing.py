from shop import billing


def test_charge(requests_mock):
    requests_mock.post("https://pay.example.test/v1/charges", json={"charge_id": "ch_1"})
    assert billing.charge("o1", 1200) == "ch_1"
    assert requests_mock.call_count == 1

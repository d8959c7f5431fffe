import weather


def test_known_city(wx):
    assert weather.temperature("oslo") == 3
    assert wx.call_count == 1
    assert wx.last_request.url == "http://wx.test/current/oslo"


def test_unknown_city(wx):
    wx.get("http://wx.test/current/atlantis", status_code=404)
    assert weather.temperature("atlantis") is None
    assert wx.called

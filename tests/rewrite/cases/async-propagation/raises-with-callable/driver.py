"""``assertRaises(E, f, x)`` and ``pytest.raises(E, f, x)`` in a test that becomes
async, ``f`` async now: ``with self.assertRaises(E): await f(x)``. Its tests run."""

ROUTES = {
    "GET shop.example.com /prices/tea": (200, {"price": 3}),
    "GET shop.example.com /prices/gold": (404, {"error": "unknown"}),
}

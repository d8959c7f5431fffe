import unittest
from unittest import mock

from syncer import jobs, remote


def fake_response(status=200, payload=None):
    resp = mock.Mock()
    resp.status_code = status
    resp.ok = status < 400
    resp.reason = "OK" if status < 400 else "Server Error"
    resp.json.return_value = payload
    return resp


class LoadProductsTest(unittest.TestCase):
    @mock.patch("syncer.remote.requests.get")
    def test_load(self, get):
        def answer(url, params=None, timeout=None):
            if url.endswith("/products/a"):
                return fake_response(payload={"name": "A", "price": "2.5"})
            if url.endswith("/products/b"):
                return fake_response(404)
            return fake_response(payload={"available": 3})

        get.side_effect = answer
        products = jobs.load_products(["a", "b"])
        self.assertEqual([(p.sku, p.stock) for p in products], [("a", 3)])
        self.assertEqual(get.call_count, 3)

    @mock.patch("syncer.remote.requests.get")
    def test_error(self, get):
        get.return_value = fake_response(500)
        with self.assertRaises(remote.RemoteError):
            jobs.report(["a"])


class RepriceTest(unittest.TestCase):
    def test_reprice(self):
        with mock.patch("syncer.remote.requests.put") as put:
            put.return_value = fake_response(204)
            products = [remote.Product("a", "A", 10.0), remote.Product("b", "B", 4.0)]
            self.assertEqual(jobs.reprice(products, 1.1), 2)
            prices = sorted(c.kwargs["json"]["price"] for c in put.call_args_list)
            self.assertEqual(prices, [4.4, 11.0])

    def test_reprice_counts_only_accepted_prices(self):
        with mock.patch("syncer.remote.requests.put") as put:
            put.side_effect = [fake_response(204), fake_response(409)]
            products = [remote.Product("a", "A", 1.0), remote.Product("b", "B", 2.0)]
            self.assertEqual(jobs.reprice(products, 2), 1)


class ReportTest(unittest.TestCase):
    @mock.patch("syncer.remote.requests.get")
    def test_report_values_the_stock(self, get):
        def answer(url, params=None, timeout=None):
            if "/products/" in url:
                return fake_response(payload={"name": url[-1], "price": "1.5"})
            return fake_response(payload={"available": 2})

        get.side_effect = answer
        self.assertEqual(jobs.report(["a", "b"]), {"count": 2, "value": 6.0})
        self.assertEqual(get.call_args.kwargs["timeout"], (3.05, 10))

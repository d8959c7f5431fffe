"""A fetch helper that retries a failed status after a pause (``if
r.status_code in RETRY_STATUSES: time.sleep(d); continue``) retries its own
request: it paces nothing else, so loops and pools over it run together. A
helper that sleeps while a job answers 202 polls it, and stays before the
read it paces."""

ROUTES = {
    "GET shop.example.com /items/1": [
        (503, {}),
        (200, {"id": 1, "price": 10, "name": "one"}),
    ],
    "GET shop.example.com /items/2": (200, {"id": 2, "price": 20, "name": "two"}),
    "GET shop.example.com /items/3": [
        (502, {}),
        (502, {}),
        (200, {"id": 3, "price": 30, "name": "three"}),
    ],
    "GET shop.example.com /jobs/7": [(202, {}), (200, {"state": "built"})],
    "GET shop.example.com /jobs/7/result": (200, {"rows": 3}),
}


def drive(run):
    jobs = run.module("inventory.jobs")
    base = run.url("shop.example.com")
    run.check("prices", jobs.prices, base, [1, 2, 3])
    run.check("names", jobs.names, base, [2, 1, 3])
    run.check("built then read", jobs.build_then_read, base, 7)

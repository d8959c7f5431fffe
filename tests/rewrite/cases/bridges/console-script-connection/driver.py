"""A class holding an sqlite3 connection its constructor opens, whose method
becomes async, called by a console script and by async code. The connection
may only be used on the thread that opened it: the console script runs the
loop on its own thread (asyncio.run), and the quick local calls stay direct."""

import contextlib
import io

ROUTES = {
    "GET api.example.com /prices/AB": (200, {"price": 2.5}),
    "GET api.example.com /prices/CD": (200, {"price": 4.0}),
    "GET api.example.com /prices/EF": (503, {"error": "down"}),
}


def drive(run):
    cli = run.module("quotes.cli")
    prices = run.module("quotes.prices")
    base = run.url("api.example.com")

    def launched(*argv):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = cli.main(list(argv))
        return code, out.getvalue()

    run.check("console script, a repeat served from the cache", launched, base, "AB", "CD", "AB")
    run.check("console script, upstream down", launched, base, "AB", "EF")
    cache = prices.CachedPrices(base)  # opened on this thread, used by async code
    run.check("async caller", cache.price, "CD")
    run.check("async caller, cached", cache.price, "CD")

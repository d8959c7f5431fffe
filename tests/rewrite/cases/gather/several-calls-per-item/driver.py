"""Elements that make several calls per item (a card with the weather now and a
forecast): every call of every item is gathered, a tuple per item, so a second
run finds nothing left to gather; the items come out in order, and an unknown
city gives what it gave (or fails the whole where the element reads a key it
lacks)."""

HOSTS = ("weather",)
ROUTES = {
    **{f"GET weather /now/{c}": (200, {"temp": t}) for c, t in (("oslo", 3), ("rome", 18))},
    **{f"GET weather /forecast/{c}": (200, {"high": h}) for c, h in (("oslo", 7), ("rome", 25))},
    "GET weather /now/atlantis": (404, {"error": "missing"}),
    "GET weather /forecast/atlantis": (404, {"error": "missing"}),
}


def drive(run):
    weather = run.module("weather")
    for name in ("cards", "pairs", "spread"):
        func = getattr(weather, name)
        run.check(name, func, ["oslo", "rome"])
        run.check(f"{name}, none", func, [])
        run.check(f"{name}, from a generator", func, (c for c in ("rome", "oslo")))
        run.check(f"{name}, one unknown", func, ["oslo", "atlantis", "rome"])

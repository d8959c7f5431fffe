"""A ``threading.Thread`` subclass whose ``run`` fetches and sleeps: ``run``
stays sync (the thread calls it and would never await a coroutine), sleeping
on its own thread as before, and the function it calls, now async, is bridged
there."""

ROUTES = {"GET meter.example.com /reading": (200, {"value": 7})}


def drive(run):
    base = run.url("meter.example.com")
    poller = run.module("poller")
    run.check("reading", poller.reading, f"{base}/reading")
    run.check("polled on a thread", poller.poll, f"{base}/reading")
    run.check("a subclass's run", poller.logged, f"{base}/reading")

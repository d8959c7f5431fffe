"""A property that stays sync (a lambda reads it) whose getter now runs async
code through ``async_to_sync``, read by code that becomes async: the read runs
on a worker thread (``await sync_to_async(lambda: account.devices)()``), where
``async_to_sync`` may start a loop; read on the loop's own thread it would
raise. Its ``len()`` became ``alen()``, awaited on what the read gives."""

ROUTES = {
    "GET api.example.com /devices": (200, [{"name": "phone"}, {"name": "pad"}]),
    "GET api.example.com /devices/count": (200, {"count": 2}),
}


def drive(run):
    devices = run.module("devices")
    run.check("first after a pause", devices.first_after_pause)
    run.check("listed", lambda: devices.listed()[1])
    run.check("counted after a pause", devices.count_after_pause)

"""A test's fakes for an account, the device manager it holds and the devices
the manager holds: FakeAccount, handed where an Account goes, stands in for
it; so its ``devices`` attribute, a FakeDevices, stands in for the Account's
Devices, whose ``refresh`` became async, and the FakeDevice items that
``list[FakeDevice]`` holds stand in for the Devices' items, whose ``ring``
became async too: both fake methods become async, as the code awaits them.
FakeDevices' own constructor stays as it is, though Devices' fetches: the
test makes its fakes itself."""

ROUTES = {
    "GET find.example.com /devices": (
        200,
        [{"id": "a", "name": "phone"}, {"id": "b", "name": "pad"}],
    ),
    "POST find.example.com /devices/a/ring": (204, None),
    "POST find.example.com /devices/b/ring": (204, None),
}


def drive(run):
    finder = run.module("finder")
    run.check("ring", finder.ring_named, "pad", "Hi")
    run.check("unknown", finder.ring_named, "watch", "Hi")
    run.check("loaded", finder.device_names)

"""A property that hands back an object to iterate (a device manager, kept on
the instance or made and loaded by a method it relays), not a generator: a
loop over it holds what the manager's annotated ``__iter__`` gives, Devices,
whose ``__getitem__`` fetches (it refreshes its manager) and became async, so
each subscript there is awaited; the property that loads the manager became
async too and is awaited where it is read."""

ROUTES = {
    "GET api.example.com /devices": (
        200,
        [{"id": "a", "name": "Ann phone"}, {"id": "b", "name": "Bob pad"}],
    )
}


def drive(run):
    account = run.module("account")
    run.check("refreshed", account.refreshed_names)
    run.check("fresh", account.fresh_names)
    run.check("unrefreshed", account.names, account.Account())

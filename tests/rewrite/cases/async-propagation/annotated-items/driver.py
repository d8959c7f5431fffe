"""Items typed by annotations: a class whose ``__iter__`` says what it gives
(``-> Iterator["Device"]``) though it hands back ``iter(...)`` of a dict's
values, and a parameter annotated ``List[Device]``: a loop over either holds
Devices, whose ``__getitem__`` fetches (it refreshes its manager) and became
async, so each subscript there is awaited."""

ROUTES = {
    "GET api.example.com /devices": (
        200,
        [{"id": "a", "name": "Ann phone"}, {"id": "b", "name": "Bob pad"}],
    )
}


def drive(run):
    devices = run.module("devices")
    run.check("listed", devices.listed)
    run.check("first names", devices.listed_first)
    run.check("unrefreshed", devices.names, devices.Manager())

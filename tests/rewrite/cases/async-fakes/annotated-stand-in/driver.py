"""A test's own class handed where the code's parameter is annotated with the
project's client (``Users(FakeClient())`` for ``client: Client``): it stands in
for the client whatever the annotation says, so its methods named like the
client's that become async become async too, and the tests pass; so does a
fake the package itself ships for its users' tests (``shop.testing``)."""

ROUTES = {
    "GET shop.example.com /users/2": (200, {"name": "Grace"}),
}


def drive(run):
    client = run.module("shop.client")
    run.check("users", client.Users(client.Client("http://shop.example.com")).name, 2)
    run.check("user name", client.user_name, client.Client("http://shop.example.com"), 2)

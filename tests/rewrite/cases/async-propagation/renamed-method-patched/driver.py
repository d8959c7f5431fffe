"""A test patching a method by name that becomes ``aclose``: the patch's string
names it as it is called now (``mock.patch("client.Api.aclose")``,
``patch.object(Api, "aclose")``), so it still replaces what the code calls
(the tests are the driver)."""

ROUTES = {"GET example.com /items/1": (200, {"id": 1})}

"""Models made from API answers by a class picked at run time (``cls =
_resource_to_model.get(...)``, then ``cls(client, **kwargs)``), keeping the
client in a name-mangled attribute read through a property (``api_client``):
no call site shows what the hidden construction hands in, but every one the
project shows hands the Client (``APIObject(self, ...)``) or nothing, and the
methods called through ``self.api_client`` are the Client's, so they are
awaited. Before, ``account.delete()`` returned the un-awaited coroutine of
``Client.delete_account``."""

ROUTES = {
    "GET api.wallet.example.com /v2/accounts/a1": (200, {"data": {"id": "a1", "resource": "account", "name": "main"}}),
    "DELETE api.wallet.example.com /v2/accounts/a1": (204, None),
    "POST api.wallet.example.com /v2/accounts/a1/addresses": (201, {"data": {"id": "ad9", "resource": "address"}}),
    "GET api.wallet.example.com /v2/accounts/a1/addresses": (200, {"data": [{"id": "ad9", "resource": "address"}]}),
}


def drive(run):
    wallet = run.module("wallet.client")
    run.check("name", wallet.account_name, "a1")
    run.check("address", wallet.new_address, "a1")
    run.check("addresses", wallet.address_ids, "a1")
    run.check("delete", wallet.remove, "a1")

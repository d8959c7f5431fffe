class APIObject(dict):
    __api_client = None

    def __init__(self, api_client, response=None):
        self.__api_client = api_client
        self.__response = response

    @property
    def api_client(self):
        return self.__api_client

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class Account(APIObject):
    def create_address(self, **params):
        return self.api_client.create_address(self.id, **params)

    def get_addresses(self, **params):
        return self.api_client.get_addresses(self.id, **params)

    def delete(self):
        return self.api_client.delete_account(self.id)


class Address(APIObject):
    pass


_resource_to_model = {"account": Account, "address": Address}
_keys_to_model = [({"id", "name"}, Account), ({"id", "address"}, Address)]


def new_api_object(client, obj, cls=None, **kwargs):
    if isinstance(obj, dict):
        if not cls:
            cls = _resource_to_model.get(obj.get("resource"), None)
        if not cls:
            for keys, model in _keys_to_model:
                if keys <= set(obj):
                    cls = model
                    break
        cls = cls or APIObject
        result = cls(client, **kwargs)
        for key, value in obj.items():
            result[key] = new_api_object(client, value)
        return result
    if isinstance(obj, list):
        return [new_api_object(client, value, cls) for value in obj]
    return obj

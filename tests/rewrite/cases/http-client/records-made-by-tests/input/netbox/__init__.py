from netbox.core import Api, Endpoint, Record

api = Api

__all__ = ["Api", "Endpoint", "Record", "api"]

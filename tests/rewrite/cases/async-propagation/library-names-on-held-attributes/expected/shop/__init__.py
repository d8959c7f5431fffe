from .api import Api, Endpoint

__all__ = ["Api", "Endpoint"]

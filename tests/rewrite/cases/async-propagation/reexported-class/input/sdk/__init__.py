from .client import API

__all__ = ["API"]

from .api import Scanner
from .export import export_stars

__all__ = ["Scanner", "export_stars"]

from .Manager import Manager
from .Droplet import Droplet

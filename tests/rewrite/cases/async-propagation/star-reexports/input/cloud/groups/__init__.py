# Group first: the others derive from it.
from .group import *  # noqa: F403
from .servers import *  # noqa: F403

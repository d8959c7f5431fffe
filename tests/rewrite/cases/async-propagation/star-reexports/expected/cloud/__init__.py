from .client import *  # noqa: F403
from .groups import *  # noqa: F403

"""Where this repository's built-in sample lives, when migrate runs from a checkout.

The wheel ships the toolkit only: the sample apps (``sample_legacy_app``,
``sample_migrated_app``...) and their upstream services (``sample_upstreams``)
sit next to the ``migrate`` package in the repository, for ``make demo`` and
``migrate compare`` without arguments. Installed from a wheel, there is none.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SAMPLE_PACKAGES = (
    "sample_legacy_app",
    "sample_migrated_app",
    "sample_quart_app",
    "sample_upstreams",
)
# What ``migrate compare`` with no arguments outside the repository says.
NO_SAMPLE = (
    "nothing to compare: pass --before and --after, your app before and after the"
    " migration as module:factory (e.g. --before legacy:create_app --after app:create_app)"
)


def sample_root() -> Path | None:
    """The repository folder that holds the sample, or None (an installed migrate)."""
    root = Path(__file__).resolve().parents[1]
    return root if (root / "sample_legacy_app" / "__init__.py").is_file() else None


def uses_sample(*import_paths: str) -> bool:
    """Whether one of ``module:factory`` import paths is the built-in sample's."""
    return any(p.split(":")[0].split(".")[0] in SAMPLE_PACKAGES for p in import_paths)


def import_sample() -> bool:
    """Make the sample importable (from the checkout); False when there is none."""
    if importlib.util.find_spec("sample_legacy_app") is not None:
        return True
    root = sample_root()
    if root is None:
        return False
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    return True

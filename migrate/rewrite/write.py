"""Writing files back: atomically, with the file's mode kept, through symlinks."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves old or new, never half.

    A new file (the package's helpers module) gets the mode of the folder's
    files: read-write for the owner, readable by all, as the umask allows.
    A symlink stays a symlink: the file it points to is replaced (the caller
    has checked that it lies inside the roots).
    """
    path = path.resolve() if path.is_symlink() else path
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".migrate", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

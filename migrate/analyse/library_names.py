"""Method names of values that are no project object (see by_name, unnamed_makers)."""

from __future__ import annotations

import io
import logging
import threading
import unittest.mock

import httpx

# Method names of values that are no project object: builtins (``d.get``,
# ``s.split``, ``f.read``), mocks (``m.assert_called_with``), loggers, threads,
# HTTP clients and responses (``r.json``, ``s.close``). A module mentioning
# one need not call a project method of that name, and a call of one on an
# object of unknown type is no sign of which. Their private names are no API
# anyone calls (``Thread._delete`` is not what ``self._client._delete()`` runs).
LIBRARY_METHOD_NAMES = frozenset(
    name
    for kind in (
        *(dict, list, str, bytes, set, int, object, io.BufferedReader),
        *(unittest.mock.MagicMock, logging.Logger, threading.Thread),
        *(httpx.Client, httpx.Response, httpx.Request),
    )
    for name in dir(kind)
    if not name.startswith("_") or name.startswith("__")
) | frozenset({"iter_content", "ok", "mount", "prepare_request", "text", "content"})

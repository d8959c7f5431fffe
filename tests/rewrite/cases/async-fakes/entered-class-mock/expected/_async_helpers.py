"""Async helpers shared by the migrated code of this package.

Written by ``migrate apply`` (and extended when a later step needs more);
needs only the standard library and httpx.
"""

from __future__ import annotations

import inspect
import pkgutil
from collections.abc import Callable
from typing import Any
from unittest import mock


def async_class_mock(target: str) -> Callable[..., mock.MagicMock]:
    """For ``mock.patch(target, new_callable=async_class_mock(target))``: a
    MagicMock standing in for the class at ``target`` and the instances it
    makes, as before (the patch's own keywords, ``return_value=``, configure
    it), whose async methods are AsyncMocks, configured as before
    (``.get.return_value``). ``spec=True`` would make them so too, but would
    refuse every attribute the class does not define itself."""

    def make(**kwargs: Any) -> mock.MagicMock:
        cls = pkgutil.resolve_name(target)
        fake = mock.MagicMock(**kwargs)
        made = fake.return_value
        for name, _ in inspect.getmembers(cls, inspect.iscoroutinefunction):
            if name == "create":
                # ``await Site.create(...)``, the async constructor, gives the
                # instance.
                fake.create = mock.AsyncMock(return_value=made)
                continue
            setattr(fake, name, mock.AsyncMock())
            # A method the test set up on the instance it gave answers as set.
            given = getattr(made, name) if name in dir(made) else None
            if not isinstance(given, mock.AsyncMock):
                setattr(made, name, mock.AsyncMock(side_effect=given))
        if inspect.iscoroutinefunction(getattr(cls, "__aenter__", None)):
            # ``async with`` where the code had ``with``: what the test sets
            # up for ``__enter__`` and ``__exit__`` answers it, with the same
            # async methods.
            entered = made.__enter__.return_value
            for name, _ in inspect.getmembers(cls, inspect.iscoroutinefunction):
                setattr(entered, name, mock.AsyncMock())
            made.__aenter__ = mock.AsyncMock(side_effect=lambda: made.__enter__())
            made.__aexit__ = mock.AsyncMock(side_effect=lambda *e: made.__exit__(*e))
        return fake

    return make

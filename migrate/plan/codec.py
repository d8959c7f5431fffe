"""Plan objects to JSON data and back, driven by their type hints.

The plan is frozen dataclasses all the way down (positions are tuples,
kinds are Literals or enums), so one pair of functions covers every part of
it, including parts added later: ``to_data`` writes what a dataclass holds,
``from_data`` reads it back as the type its field declares. A dict whose
keys are not strings (``{(line, col, end_line, end_col): edit}``) is written
as a list of ``[key, value]`` pairs; sets are written sorted, so the same
plan always gives the same JSON.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from functools import cache
from pathlib import PurePath
from typing import Any

T = typing.TypeVar("T")


def to_data(value: Any) -> Any:
    """JSON-ready data (dicts, lists, strings, numbers, bools, None) for ``value``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, dict):
        if all(isinstance(key, str) for key in value):
            return {key: to_data(item) for key, item in value.items()}
        return [[to_data(key), to_data(item)] for key, item in value.items()]
    if isinstance(value, set | frozenset):
        return sorted((to_data(item) for item in value), key=json.dumps)
    if isinstance(value, list | tuple):
        return [to_data(item) for item in value]
    return value


def from_data(kind: Any, data: Any) -> Any:
    """``data`` (from :func:`to_data`) read back as an instance of ``kind``."""
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if kind is Any or kind is object:
        return data
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        options = [a for a in args if a is not type(None)]
        if len(options) == 1:
            return from_data(options[0], data)
        return data  # unions of plain values (str | int) need no conversion
    if origin is typing.Literal:
        if data not in args:
            raise ValueError(f"{data!r} is not one of {args}")
        return data
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        values = {
            f.name: from_data(hints[f.name], data[f.name])
            for f in dataclasses.fields(kind)
            if f.init and f.name in data
        }
        return kind(**values)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return kind(data)
    if isinstance(kind, type) and issubclass(kind, PurePath):
        return kind(data)
    if origin is dict:
        key_kind, value_kind = args or (Any, Any)
        pairs = data.items() if isinstance(data, dict) else data
        return {from_data(key_kind, k): from_data(value_kind, v) for k, v in pairs}
    if origin in (set, frozenset, list):
        (item_kind,) = args or (Any,)
        return origin(from_data(item_kind, item) for item in data)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_data(args[0], item) for item in data)
        if len(args) != len(data):
            raise ValueError(f"expected {len(args)} items, got {len(data)}")
        return tuple(from_data(a, item) for a, item in zip(args, data))
    return data


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)

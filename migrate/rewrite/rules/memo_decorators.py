"""The decorator a memoised fetcher gets once it is async (see analyse/frameworks).

``@lru_cache(32)`` -> ``@async_memo(maxsize=32)``, ``@functools.cache`` ->
``@async_memo(maxsize=None)``, ``@cached(c)`` -> ``@async_memo(cache=c)``: the
helper caches results, not coroutines, and keeps the arguments they were given.
"""

from __future__ import annotations

import libcst as cst

from ...analyse.frameworks import ASYNC_MEMOISERS
from ..nodes import keyword_arg


def async_memo(helper: str, memoiser: str, decorator: cst.BaseExpression) -> cst.Call:
    """``@lru_cache(32)`` -> ``@async_memo(maxsize=32)``; ``@cached(c)`` -> ``cache=c``."""
    if memoiser == "functools.cache":
        return cst.Call(cst.Name(helper), [keyword_arg("maxsize", cst.Name("None"))])
    args = list(decorator.args) if isinstance(decorator, cst.Call) else []
    first = ASYNC_MEMOISERS[memoiser][0] if ASYNC_MEMOISERS[memoiser] else ""
    carried = [
        keyword_arg(first, arg.value).with_changes(comma=arg.comma) if arg.keyword is None else arg
        for arg in args
    ]
    if carried:
        carried[-1] = carried[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return cst.Call(cst.Name(helper), carried)

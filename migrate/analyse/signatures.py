"""Whether a call's arguments bind to a method's parameters.

A call on an object of unknown type (``tagger.update_tags(item)``) can only be
a call of a method it can be given to: ``_Tagger.update_tags(self, baseurl,
item)`` needs two arguments, so it is none of them (see by_name, used_types).
"""

from __future__ import annotations

from .model import Call, Function

# Decorators that leave the signature a caller gives arguments to as written.
_SIGNATURE_KEEPING = frozenset(
    {"staticmethod", "classmethod", "abstractmethod", "abc.abstractmethod", "override"}
)


def accepts(method: Function, call: Call) -> bool:
    """Whether ``call``, made on an instance, could be a call of ``method``: its
    arguments bind to the method's parameters. True where that cannot be told
    (``*args``/``**kwargs`` given, a decorator that may change the signature)."""
    if call.positional < 0 or "**" in call.keywords:
        return True
    texts = {d.text for d in method.decorators}
    if not texts <= _SIGNATURE_KEEPING:
        return True
    bound = 0 if "staticmethod" in texts else 1
    params = method.params[bound:]
    by_position = params[: max(method.positional - bound, 0)]
    if call.positional > len(by_position) and method.vararg is None:
        return False
    named = set(params) - {method.vararg, method.kwarg}
    if any(k not in named for k in call.keywords) and method.kwarg is None:
        return False
    given = {*by_position[: call.positional], *call.keywords}
    return all(p in given for p in method.required if p in params)

"""The async factory a class gets when its constructor awaits (MIG003).

``__init__`` cannot await: its body becomes ``async def _async_init``, and the
class gets ``await C.create(...)``, taking what ``C(...)`` took (whatever it is
given, for a class whose subclasses inherit it); a dataclass keeps its
generated ``__init__`` and its factory awaits ``__post_init__``'s body.
"""

from __future__ import annotations

import libcst as cst

# What ``__init__`` becomes when it awaits, and the factory that calls it; a
# dataclass keeps its generated ``__init__`` and awaits its ``__post_init__``.
ASYNC_INIT = "_async_init"
_FACTORY = '''\
@classmethod
async def create(cls{params}):
    """Make {article} {cls}, awaiting what its constructor did."""
    self = cls.__new__(cls)
    await self.{init}({args})
    return self
'''
# A dataclass's fields are its generated ``__init__``'s parameters.
POST_INIT_FACTORY = '''\
@classmethod
async def create(cls, *args, **kwargs):
    """Make a {cls} from its fields, awaiting what its ``__post_init__`` did."""
    self = cls(*args, **kwargs)
    await self.{init}()
    return self
'''


def factory_method(cls: str, init: cst.FunctionDef, forwarding: bool) -> cst.FunctionDef:
    """``create``, taking what ``__init__`` took (its parameters after ``self``) and
    handing them to ``_async_init`` as they were given; ``forwarding``, for a class
    whose subclasses inherit it, whatever it is given."""
    params, args = ("*args, **kwargs", "*args, **kwargs") if forwarding else _taken(init.params)
    return cst.ensure_type(
        cst.parse_statement(
            _FACTORY.format(
                cls=cls,
                params=f", {params}" if params else "",
                init=ASYNC_INIT,
                args=args,
                article="an" if cls[:1].lower() in "aeiou" else "a",
            )
        ),
        cst.FunctionDef,
    )


def _taken(params: cst.Parameters) -> tuple[str, str]:
    """The parameters after ``self`` as written, and the arguments handing them on."""
    positional = [*params.posonly_params, *params.params][1:]
    posonly = [p for p in params.posonly_params if p in positional]
    shown: list[str] = [_param(p) for p in posonly] + (["/"] if posonly else [])
    shown += [_param(p) for p in params.params if p in positional]
    args = [p.name.value for p in positional]
    if isinstance(params.star_arg, cst.Param):
        shown.append("*" + _param(params.star_arg))
        args.append(f"*{params.star_arg.name.value}")
    elif params.kwonly_params:
        shown.append("*")
    shown += [_param(p) for p in params.kwonly_params]
    args += [f"{p.name.value}={p.name.value}" for p in params.kwonly_params]
    if params.star_kwarg is not None:
        shown.append("**" + _param(params.star_kwarg))
        args.append(f"**{params.star_kwarg.name.value}")
    return ", ".join(shown), ", ".join(args)


def _param(param: cst.Param) -> str:
    """``name: T = default`` as written, without the star, comma or spacing around it."""
    bare = param.with_changes(
        star="", comma=cst.MaybeSentinel.DEFAULT, whitespace_after_star=cst.SimpleWhitespace("")
    )
    return cst.Module([]).code_for_node(bare).strip()

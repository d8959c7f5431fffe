"""The return annotation of a generator that becomes an async generator.

``-> Iterator[dict]`` on an ``async def`` that yields is wrong for a type
checker and for a reader: it becomes ``-> AsyncIterator[dict]``, ``Iterable``
``AsyncIterable`` and ``Generator[Y, S, R]`` ``AsyncGenerator[Y, S]`` (an
async generator returns no value). ``typing.Iterator`` keeps its module
(``typing.AsyncIterator``); a bare name is imported from ``collections.abc``,
where the async forms have been subscriptable since Python 3.9.
"""

from __future__ import annotations

import libcst as cst

from .context import RuleContext

ASYNC_FORMS = {
    "Iterator": "AsyncIterator",
    "Iterable": "AsyncIterable",
    "Generator": "AsyncGenerator",
}


def yields(node: cst.FunctionDef) -> bool:
    """Whether ``node``'s own body yields (not a function or lambda nested in it)."""
    found = False

    class Finder(cst.CSTVisitor):
        def visit_Yield(self, node: cst.Yield) -> None:
            nonlocal found
            found = True

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return False

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            return False

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return False

    node.body.visit(Finder())
    return found


def async_generator_returns(
    returns: cst.Annotation | None, ctx: RuleContext
) -> cst.Annotation | None:
    """``returns`` as an async generator's, or as it is when it names no sync iterator."""
    if returns is None or not isinstance(returns.annotation, cst.Subscript):
        return returns
    annotation = returns.annotation
    base = annotation.value
    if isinstance(base, cst.Name) and base.value in ASYNC_FORMS:
        new = ASYNC_FORMS[base.value]
        ctx.add_import("collections.abc", new)
        ctx.maybe_remove_binding(base.value)
        value: cst.BaseExpression = cst.Name(new)
    elif isinstance(base, cst.Attribute) and base.attr.value in ASYNC_FORMS:
        value = base.with_changes(attr=cst.Name(ASYNC_FORMS[base.attr.value]))
    else:
        return returns
    elements = annotation.slice
    if ASYNC_FORMS.get(_last(base)) == "AsyncGenerator" and len(elements) == 3:
        # ``Generator[Y, S, R]``: an async generator sends, but returns nothing.
        elements = [*elements[:1], elements[1].with_changes(comma=cst.MaybeSentinel.DEFAULT)]
    return returns.with_changes(annotation=annotation.with_changes(value=value, slice=elements))


def _last(base: cst.BaseExpression) -> str:
    if isinstance(base, cst.Name):
        return base.value
    return base.attr.value if isinstance(base, cst.Attribute) else ""

"""Expressions moved into and out of f-strings, with quotes a person would write.

Before Python 3.12 an expression inside an f-string may not use the f-string's
own quote, so code written inside one uses the other quote
(``f"{user['name']}"``). A call the rewrite lifts out of an f-string gets the
file's usual quote back (:func:`requote`); a name the rewrite replaces by the
value it held (:func:`substitute`) is spliced into the f-string it stands in
when that value is a string itself (``f"{url}?full=1"`` with ``url =
f"{base}/{i}"`` -> ``f"{base}/{i}?full=1"``), so no f-string ends up nested
in one with the same quote.
"""

from __future__ import annotations

from collections import Counter

import libcst as cst

QUOTES = ("'", '"')
# Expressions that need brackets inside a bigger one, but not as an argument.
LOOSE = (
    cst.BinaryOperation,
    cst.BooleanOperation,
    cst.Comparison,
    cst.UnaryOperation,
    cst.IfExp,
    cst.Await,
)


def preferred_quote(module: cst.Module) -> str:
    """The quote most of the module's one-line strings use (``"`` on a tie)."""
    counts: Counter[str] = Counter()

    class Strings(cst.CSTVisitor):
        def visit_SimpleString(self, node: cst.SimpleString) -> None:
            if node.quote in QUOTES:
                counts[node.quote] += 1

    module.visit(Strings())
    return "'" if counts["'"] > counts['"'] else '"'


def _swappable(text: str, quote: str) -> bool:
    return quote not in text and "\\" not in text


class _Requote(cst.CSTTransformer):
    def __init__(self, quote: str) -> None:
        super().__init__()
        self.quote = quote

    def leave_SimpleString(
        self, original: cst.SimpleString, updated: cst.SimpleString
    ) -> cst.SimpleString:
        quote, prefix = updated.quote, updated.prefix
        body = updated.value[len(prefix) + 1 : -1]
        if quote not in QUOTES or quote == self.quote or not _swappable(body, self.quote):
            return updated
        return updated.with_changes(value=f"{prefix}{self.quote}{body}{self.quote}")

    def leave_FormattedString(
        self, original: cst.FormattedString, updated: cst.FormattedString
    ) -> cst.FormattedString:
        quote = updated.end
        if quote not in QUOTES or quote == self.quote:
            return updated
        inner = cst.Module([]).code_for_node(updated)[len(updated.start) : -len(quote)]
        if not _swappable(inner, self.quote):
            return updated
        return updated.with_changes(start=updated.start[:-1] + self.quote, end=self.quote)


def requote(expr: cst.BaseExpression, quote: str) -> cst.BaseExpression:
    """``expr`` with its strings in ``quote`` wherever that changes nothing else."""
    return expr.visit(_Requote(quote))  # type: ignore[return-value]


def _spliced(value: cst.BaseExpression, quote: str) -> list[cst.BaseFormattedStringContent] | None:
    """The parts of an f-string that hold ``value``'s text in place of ``{name}``."""
    if value.lpar:
        return None
    if isinstance(value, cst.SimpleString) and value.prefix.lower() in ("", "u"):
        body = value.value[len(value.prefix) + 1 : -1]
        if value.quote not in QUOTES or not _swappable(body, quote):
            return None
        return [cst.FormattedStringText(body.replace("{", "{{").replace("}", "}}"))]
    if isinstance(value, cst.FormattedString) and value.start.lower() in ("f'", 'f"'):
        inner = cst.Module([]).code_for_node(value)[len(value.start) : -len(value.end)]
        return list(value.parts) if _swappable(inner, quote) else None
    return None


class _Substitute(cst.CSTTransformer):
    """Names replaced by the expressions they held (attributes and keywords left alone)."""

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__()
        self.values = values
        self.fstrings: list[str] = []  # the quotes of the f-strings we are in

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        self.fstrings.append(node.end)

    def leave_FormattedString(
        self, original: cst.FormattedString, updated: cst.FormattedString
    ) -> cst.FormattedString:
        quote = self.fstrings.pop()
        parts: list[cst.BaseFormattedStringContent] = []
        for before, part in zip(original.parts, updated.parts, strict=True):
            spliced = None
            if (
                isinstance(before, cst.FormattedStringExpression)
                and isinstance(part, cst.FormattedStringExpression)
                and isinstance(before.expression, cst.Name)
                and before.expression.value in self.values
                and before.conversion is None
                and before.format_spec is None
            ):
                spliced = _spliced(part.expression, quote)
            parts.extend(spliced if spliced is not None else [part])
        merged: list[cst.BaseFormattedStringContent] = []
        for part in parts:
            if (
                merged
                and isinstance(part, cst.FormattedStringText)
                and isinstance(merged[-1], cst.FormattedStringText)
            ):
                merged[-1] = cst.FormattedStringText(merged[-1].value + part.value)
            else:
                merged.append(part)
        return updated.with_changes(parts=merged)

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute) -> cst.Attribute:
        return updated.with_changes(attr=original.attr)

    def _unbracketed(
        self, original: cst.BaseExpression, updated: cst.BaseExpression
    ) -> cst.BaseExpression:
        """What a name held, without brackets where it stands alone (an argument,
        an f-string's ``{...}``)."""
        held = isinstance(original, cst.Name) and original.value in self.values
        if held and isinstance(updated, LOOSE):
            return updated.with_changes(lpar=[], rpar=[])
        return updated

    def leave_Arg(self, original: cst.Arg, updated: cst.Arg) -> cst.Arg:
        value = self._unbracketed(original.value, updated.value)
        return updated.with_changes(keyword=original.keyword, value=value)

    def leave_FormattedStringExpression(
        self, original: cst.FormattedStringExpression, updated: cst.FormattedStringExpression
    ) -> cst.FormattedStringExpression:
        value = self._unbracketed(original.expression, updated.expression)
        return updated.with_changes(expression=value)

    def leave_Name(self, original: cst.Name, updated: cst.Name) -> cst.BaseExpression:
        text = self.values.get(original.value)
        if text is None:
            return updated
        value = cst.parse_expression(text)
        if self.fstrings:
            inside = self.fstrings[-1]
            value = requote(value, "'" if inside == '"' else '"')
        atomic = cst.Name | cst.Attribute | cst.Call | cst.Subscript | cst.BaseString | cst.Integer
        if isinstance(value, atomic) or value.lpar:
            return value
        return value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


def substitute(expr: cst.BaseExpression, values: dict[str, str]) -> cst.BaseExpression:
    """``expr`` with each name in ``values`` replaced by the expression it held."""
    return expr.visit(_Substitute(values))  # type: ignore[return-value]

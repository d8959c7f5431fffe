"""Run the rules over the files that change, and check what they produce.

Only files with edits are parsed by libcst (it costs a Python visitor per
node); everything else is never opened again. Output must parse, and the
import bookkeeping is left to libcst's own visitors.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst
from libcst.metadata import MetadataWrapper

from ..analyse.run import Analysis
from .context import Note, RuleContext
from .edits import FileEdits, plan_edits
from .imports import add_imports, remove_unused
from .options import RewriteOptions
from .rules import RULES
from .transformer import MigrationTransformer


@dataclass
class FileResult:
    """The outcome for one file: new bytes (if changed), notes, or an error."""

    path: Path
    module: str
    old: bytes
    new: bytes | None = None
    notes: list[Note] = field(default_factory=list)
    error: str | None = None

    @property
    def changed(self) -> bool:
        return self.new is not None and self.new != self.old


def rewrite_source(source: bytes, edits: FileEdits, options: RewriteOptions) -> tuple[bytes, list[Note]]:
    """Apply every enabled rule to one file's bytes."""
    module = cst.parse_module(source)
    ctx = RuleContext(edits=edits, options=options)
    rules = [rule(ctx) for rule in RULES if rule.code not in options.disabled]
    wrapper = MetadataWrapper(module)
    new_module = wrapper.visit(MigrationTransformer(ctx, rules))
    new_module = _fix_imports(new_module, ctx)
    return new_module.bytes, ctx.notes


def _fix_imports(module: cst.Module, ctx: RuleContext) -> cst.Module:
    module = remove_unused(module, ctx.removable_imports)
    return add_imports(module, ctx.imports)


def rewrite_file(edits: FileEdits, old: bytes, options: RewriteOptions) -> FileResult:
    result = FileResult(edits.path, edits.module, old)
    try:
        new, notes = rewrite_source(old, edits, options)
    except cst.ParserSyntaxError as exc:
        result.error = f"libcst cannot parse it: {str(exc).splitlines()[0]}"
        return result
    except Exception as exc:  # a rule bug must not lose the user's file
        result.error = f"rewrite failed ({type(exc).__name__}: {exc}); file left untouched"
        return result
    try:
        ast.parse(new.decode(_encoding(new)))
    except SyntaxError as exc:
        result.error = f"rewrite produced invalid Python ({exc.msg}, line {exc.lineno}); file left untouched"
        return result
    result.new = new
    result.notes = notes
    return result


def _encoding(data: bytes) -> str:
    import io
    import tokenize

    try:
        return tokenize.detect_encoding(io.BytesIO(data).readline)[0]
    except SyntaxError:
        return "utf-8"


def rewrite_project(analysis: Analysis, options: RewriteOptions) -> list[FileResult]:
    """Results for every file the plan changes, in path order."""
    results = []
    for module, edits in sorted(plan_edits(analysis).items(), key=lambda kv: str(kv[1].path)):
        old = analysis.project.files[module].source.raw
        results.append(rewrite_file(edits, old, options))
    return results

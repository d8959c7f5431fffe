"""Run the rules over the files that change, and check what they produce.

Only files with edits are parsed by libcst (it costs a Python visitor per
node); everything else is never opened again. Output must parse, and the
import bookkeeping is left to libcst's own visitors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst
import libcst.matchers as m
from libcst.metadata import MetadataWrapper

from ..plan.edits import FileEdits
from ..read.sources import SourceFile
from ..verify.checks import parse_error
from ..workers import worker_pool
from .context import Note, RuleContext, wrap_todos
from .helpers import HelpersHome, defined_helpers, helpers_home, prefers_relative, render
from .imports import add_imports, remove_unused, with_script_fallback
from .options import RewriteOptions
from .realign import realign_continuations
from .rules import RULES
from .transformer import MigrationTransformer
from .wrap import DEFAULT_LINE_LENGTH, wrap_changed_lines

# Below this many changed files, worker processes cost more than they save.
POOL_THRESHOLD = 16

#: The rules of the Quart stage; every other rule belongs to the asyncio stage.
QUART_STAGE = frozenset({"MIG011"})


def quart_stage(options: RewriteOptions) -> bool:
    """Whether this run is the Flask -> Quart stage (``apply --to quart``)."""
    return options.target == "quart"


@dataclass(frozen=True)
class FileSetting:
    """Where one file's helpers come from, and which imports are the project's own."""

    helpers_from: str
    first_party: frozenset[str]
    # A namespace package's module: the helpers module by its bare name, as it runs alone.
    helpers_script_from: str | None = None


@dataclass
class FileResult:
    """The outcome for one file: new bytes (if changed), notes, or an error."""

    path: Path
    module: str
    old: bytes
    new: bytes | None = None
    notes: list[Note] = field(default_factory=list)
    error: str | None = None
    # Names the file now imports from its package's helpers module.
    helpers: set[str] = field(default_factory=set)

    @property
    def changed(self) -> bool:
        return self.new is not None and self.new != self.old


def rewrite_source(
    source: bytes, edits: FileEdits, options: RewriteOptions, setting: FileSetting
) -> tuple[bytes, list[Note], set[str]]:
    """Apply every enabled rule to one file's bytes."""
    module = cst.parse_module(source)
    ctx = RuleContext(
        edits=edits,
        options=options,
        helpers_from=setting.helpers_from,
        helpers_script_from=setting.helpers_script_from,
        first_party=setting.first_party,
    )
    rules = [
        rule(ctx)
        for rule in RULES
        if rule.code not in options.disabled and (rule.code in QUART_STAGE) == quart_stage(options)
    ]
    wrapper = MetadataWrapper(module)
    new_module = wrapper.visit(MigrationTransformer(ctx, rules))
    new_module = _fix_imports(new_module, ctx)
    # Continuation lines moved with the brackets the rules moved; lines the
    # rules made too long, wrapped to the project's length (a TODO too);
    # encoded as libcst writes a module (its encoding keeps a BOM).
    limit = options.line_length or DEFAULT_LINE_LENGTH
    code = realign_continuations(new_module.code, module.code)
    code = wrap_todos(wrap_changed_lines(code, module.code, limit), module.code, limit)
    return code.encode(new_module.encoding), ctx.notes, ctx.helpers


def _fix_imports(module: cst.Module, ctx: RuleContext) -> cst.Module:
    module = remove_unused(
        module, ctx.removable_imports, ctx.removable_bindings, keep=ctx.edits.exported
    )
    # A helper a rule used in a form a later rule replaced (``requests_values``
    # around params that became the client's own): neither imported nor written.
    imported = {name for name in ctx.helpers if (ctx.helpers_from, name, None) in ctx.imports}
    used = {cst.ensure_type(n, cst.Name).value for n in m.findall(module, m.Name())}
    for name in imported - used:
        ctx.helpers.discard(name)
        ctx.imports.discard((ctx.helpers_from, name, None))
    # Likewise a module a rule imported for code a later rule wrote otherwise
    # (``import respx`` for routes that went to a fixture's router).
    for added in [i for i in ctx.imports if i[1] is None and i[2] is None]:
        if added[0].split(".")[0] not in used:
            ctx.imports.discard(added)
    module = add_imports(module, ctx.imports, ctx.first_party)
    if ctx.helpers_script_from is None:
        return module
    return with_script_fallback(module, ctx.helpers_from, ctx.helpers_script_from)


def rewrite_file(
    edits: FileEdits, old: bytes, options: RewriteOptions, setting: FileSetting
) -> FileResult:
    """One file rewritten and checked; a failure is reported, the file left as it was."""
    result = FileResult(edits.path, edits.module, old)
    try:
        new, notes, helpers = rewrite_source(old, edits, options, setting)
    except cst.ParserSyntaxError as exc:
        result.error = f"libcst cannot parse it: {str(exc).splitlines()[0]}"
        return result
    except Exception as exc:  # a rule bug must not lose the user's file
        result.error = f"rewrite failed ({type(exc).__name__}: {exc}); file left untouched"
        return result
    error = parse_error(new)
    if error is not None:
        result.error = f"rewrite produced invalid Python ({error}); file left untouched"
        return result
    result.new = new
    result.notes = notes
    result.helpers = helpers
    return result


def _rewrite_job(job: tuple[FileEdits, bytes, RewriteOptions, FileSetting]) -> FileResult:
    return rewrite_file(*job)


def rewrite_project(
    edits: Iterable[FileEdits],
    sources: Mapping[str, SourceFile],
    options: RewriteOptions,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> list[FileResult]:
    """Carry out the plan's edits: results for every file it changes, in path order.

    ``sources`` are the project's files by module, as the plan read them.
    ``progress(done, total)`` is called before the first file and after each.
    libcst runs only here, on the files that change; many of them are spread
    over worker processes.
    """
    planned = {e.module: e for e in edits}
    homes = _helpers_homes(sources, planned, options)
    first_party = frozenset({m.split(".")[0] for m in sources} | {options.helpers_module})
    work = [
        (
            edits,
            sources[module].raw,
            options,
            FileSetting(homes[module].import_from, first_party, homes[module].script_from),
        )
        for module, edits in sorted(planned.items(), key=lambda kv: str(kv[1].path))
    ]
    results: list[FileResult] = []
    if progress:
        progress(0, len(work))
    if jobs > 1 and len(work) >= POOL_THRESHOLD:
        with worker_pool(jobs) as pool:
            for result in pool.map(_rewrite_job, work, chunksize=4):
                results.append(result)
                if progress:
                    progress(len(results), len(work))
    else:
        for job in work:
            results.append(_rewrite_job(job))
            if progress:
                progress(len(results), len(work))
    return results + _helpers_results(results, homes, options, sources)


def _helpers_homes(
    files: Mapping[str, SourceFile], planned: dict[str, FileEdits], options: RewriteOptions
) -> dict[str, HelpersHome]:
    """Where each changing module's helpers live, in its package's import style."""
    relative: dict[str, bool] = {}
    homes: dict[str, HelpersHome] = {}
    for module, edits in planned.items():
        package = module.split(".")[0]
        if package not in relative:
            texts = [
                source.text
                for name, source in files.items()
                if name == package or name.startswith(package + ".")
            ]
            relative[package] = prefers_relative(texts, package)
        homes[module] = helpers_home(edits.path, module, options.helpers_module, relative[package])
    # A tests folder's helpers module and that of the loose modules in a folder
    # above it have one name, each imported bare: both folders are on sys.path
    # when the tests import those modules, and the first imported would hide the
    # other. The tests share the one above.
    bare = {h.path.parent: h for h in homes.values() if h.module == options.helpers_module}
    for module, home in homes.items():
        folder = home.path.parent
        above = [f for f in bare if f in folder.parents]
        if home.module == options.helpers_module and above:
            homes[module] = bare[max(above, key=lambda f: len(f.parts))]
    return homes


def _helpers_results(
    results: list[FileResult],
    homes: dict[str, HelpersHome],
    options: RewriteOptions,
    sources: Mapping[str, SourceFile],
) -> list[FileResult]:
    """The helpers modules, written, extended or pruned to what their package imports.

    A helper no module uses any more (the per-loop client once the Quart stage
    made it one per process) goes. A file of that name that is not this
    toolkit's helpers module is never overwritten: the files that would import
    from it are left untouched instead.
    """
    changed: dict[Path, list[FileResult]] = {}
    for result in results:
        if result.changed and result.error is None:
            changed.setdefault(homes[result.module].path, []).append(result)
    out: list[FileResult] = []
    for path, package_results in sorted(changed.items()):
        home = homes[package_results[0].module]
        wanted = set().union(*(r.helpers for r in package_results))
        old = path.read_bytes() if path.exists() else b""
        present = defined_helpers(old) if old else set()
        if present is None:
            if wanted:
                for result in package_results:
                    if result.helpers:
                        result.error = (
                            f"its helpers would go in {path.name}, which is not migrate's:"
                            " choose another name with --helpers-module; file left untouched"
                        )
            continue
        used = wanted | _helpers_in_use(present - wanted, path, package_results, sources)
        if not used or used == present:
            continue
        new = render(used, options.http_module, options.line_length or DEFAULT_LINE_LENGTH)
        out.append(FileResult(path, home.module, old, new=new))
    return out


def _helpers_in_use(
    names: set[str],
    home: Path,
    results: list[FileResult],
    sources: Mapping[str, SourceFile],
) -> set[str]:
    """Which of ``names`` a module of the project (its tests too) still mentions, as it
    will be."""
    if not names:
        return set()
    new = {r.path: r.new for r in results if r.new is not None}
    used: set[str] = set()
    for source in sources.values():
        if source.path == home:
            continue
        text = new.get(source.path, source.raw).decode(source.encoding, "replace")
        used |= {name for name in names - used if re.search(rf"\b{name}\b", text)}
    return used

"""A sync function bridged once per module: ``load = sync_to_async(db.load)``.

Async code that calls blocking sync code goes through ``sync_to_async``.
Where the callable is a module-level function (the project's, or a standard
library one such as ``subprocess.run``) or a builtin, each module binds the
bridge once, at its top, and every call site awaits the alias. Where it is
anything else (a bound method, a local, something a test patches, a module
that imports this one back), the bridge stays at the call site: an alias
made at import time would miss a later rebinding or patch.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain, count

from ..analyse.decisions import Bridge, Colouring
from ..analyse.graph import CallGraph
from ..analyse.model import BridgeAlias, Call, Function
from ..analyse.names import BUILTIN_NAMES

_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
# Names the rewrite itself may bind at the top of a module.
_RESERVED = frozenset({"asyncio", "httpx", "sync_to_async", "async_to_sync", "respx", "pytest"})


def unwound_aliases(graph: CallGraph, colouring: Colouring) -> Iterator[tuple[str, BridgeAlias]]:
    """Module aliases of an earlier step whose function became async in this run.

    ``sync_to_async`` refuses a coroutine function, so each goes, and its uses
    call the function itself (MIG006).
    """
    for module, facts in graph.project.facts.items():
        if not facts.bridge_aliases:
            continue
        refs = {r.call_span: r for r in facts.functions[f"{module}.<module>"].refs}
        for alias in facts.bridge_aliases.values():
            ref = refs.get(alias.call_span)
            target = graph.resolve(ref.target) if ref is not None else None
            if target in graph.functions and colouring.is_async(target):
                if not graph.functions[target].is_async:
                    yield module, alias


@dataclass(frozen=True)
class AliasEdit:
    """A new module-level bridge: ``name = sync_to_async(target)``."""

    name: str
    target: str
    thread_sensitive: bool


@dataclass
class BridgeAliases:
    """Which offloads go through a module-level alias, and the alias's name."""

    graph: CallGraph
    # Per module: (target as written, thread-sensitive) -> alias name.
    chosen: dict[str, dict[tuple[str, bool], str]] = field(default_factory=dict)
    patched: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        graph = self.graph
        for facts in graph.project.facts.values():
            for fn in facts.functions.values():
                for patch in fn.patches:
                    if patch.target:
                        self.patched.add(graph.resolve(patch.target) or patch.target)

    def alias_for(self, bridge: Bridge) -> tuple[str, AliasEdit | None]:
        """The alias the bridged call at ``bridge`` uses ("" for none), and the
        assignment to add when the module has no such alias yet."""
        if bridge.kind != "sync_to_async" or bridge.is_reference:
            return "", None
        fn = self.graph.functions[bridge.function]
        call = next((c for c in fn.calls if c.span == bridge.span), None)
        if call is None or not self._aliasable(fn, call):
            return "", None
        key = (call.text, bridge.thread_sensitive)
        facts = self.graph.project.facts[fn.module]
        for existing in facts.bridge_aliases.values():
            if (existing.target, existing.thread_sensitive) == key:
                return existing.name, None
        chosen = self.chosen.setdefault(fn.module, {})
        if key in chosen:
            return chosen[key], None
        name = self._free_name(fn.module, call.text.rsplit(".", 1)[-1], set(chosen.values()))
        chosen[key] = name
        return name, AliasEdit(name, call.text, bridge.thread_sensitive)

    def _aliasable(self, fn: Function, call: Call) -> bool:
        graph = self.graph
        project = graph.project
        facts = project.facts[fn.module]
        if call.target is None or not _DOTTED.fullmatch(call.text):
            return False  # a local, a parameter, an expression
        root = call.text.split(".")[0]
        resolved = graph.resolve(call.target) or call.target
        if resolved in self.patched or f"{fn.module}.{call.text}" in self.patched:
            # A test patches it (``patch("app.files.open")`` puts a global in
            # front of the builtin): the call site must look it up each time.
            return False
        if root in facts.top_level:
            imported = root in facts.imports and root not in facts.typed_names
            if not (imported or (root in facts.defs and root == call.text)):
                return False  # a module-global instance: its methods are bound at import
        elif not resolved.startswith("builtins."):
            return False
        text = project.files[fn.module].source.text
        if re.search(rf"^\s*global\b[^\n]*\b{re.escape(root)}\b", text, re.MULTILINE):
            return False  # rebound at run time
        target = graph.functions.get(resolved)
        if target is None:
            # Outside the project: a module's function or class, not a method.
            return all(part[:1].islower() for part in resolved.split(".")[:-1])
        if target.class_qualname is not None or target.parent is not None:
            return False
        # Bound at import: a module that imports this one back may not be done yet.
        home = project.facts.get(target.module)
        return home is None or not any(
            name == fn.module or name.startswith(fn.module + ".") for name in home.imports.values()
        )

    def _free_name(self, module: str, base: str, taken: set[str]) -> str:
        """``base`` if nothing in the module has that name, else ``base_async``..."""
        text = self.graph.project.files[module].source.text
        for candidate in chain((base, f"{base}_async"), (f"{base}_async{n}" for n in count(2))):
            if (
                candidate in taken
                or candidate in BUILTIN_NAMES
                or candidate in _RESERVED
                or keyword.iskeyword(candidate)
                or re.search(rf"(?<![\w.]){re.escape(candidate)}\b", text)
            ):
                continue
            return candidate
        raise AssertionError("unreachable")  # pragma: no cover

"""requests' exception classes a module of the project imports and others take from it.

``from requests.exceptions import HTTPError`` in ``pkg/errors.py``, then
``from .errors import HTTPError`` (or ``errors.HTTPError``) in the modules
that catch it: once the calls move to httpx, those modules catch httpx's
classes as if they imported requests' names themselves, and ``pkg.errors``
binds the name to httpx's class (or tuple of classes) in place of the
import, for code outside the project that takes it from there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..analyse.model import ModuleFacts
from ..analyse.project import Project

# requests' exception classes, by the name requests gives them (the rewrite
# maps each to httpx's, see rewrite/rules/http_exceptions.py).
_EXCEPTION = re.compile(r"requests(?:\.exceptions)?\.\w*(?:Error|Exception|Timeout|Redirects)")


def requests_exports(facts: Mapping[str, ModuleFacts]) -> dict[str, dict[str, str]]:
    """Module -> its names bound to requests' exception classes (local -> requests name),
    imported from requests or from a module of the project that has them."""
    found: dict[str, dict[str, str]] = {}
    for module, their in facts.items():
        for local, target in their.imports.items():
            if _EXCEPTION.fullmatch(target) and local != "requests":
                found.setdefault(module, {})[local] = target
    changed = bool(found)
    while changed:  # ``from .errors import HTTPError`` in a package's ``__init__``
        changed = False
        for module, their in facts.items():
            for local, target in their.imports.items():
                owner, _, name = target.rpartition(".")
                named = found.get(owner, {}).get(name)
                if named and owner != module and local not in found.get(module, {}):
                    found.setdefault(module, {})[local] = named
                    changed = True
    return found


def reexport_uses(
    project: Project, exports: dict[str, dict[str, str]]
) -> dict[str, dict[str, str]]:
    """Module -> the requests exceptions it names through another module of the
    project: ``HTTPError`` (``from .errors import HTTPError``) or
    ``errors.HTTPError`` (``from . import errors``) -> the requests name."""
    found: dict[str, dict[str, str]] = {}
    for module, their in project.facts.items():
        for local, target in their.imports.items():
            if _EXCEPTION.fullmatch(target):
                continue  # imported from requests itself
            if local in exports.get(module, {}):
                found.setdefault(module, {})[local] = exports[module][local]
            source = project.canonical(target)
            if source == module or source not in exports or module not in project.files:
                continue
            text = project.files[module].source.text
            for name, requests_name in exports[source].items():
                if re.search(rf"\b{re.escape(local)}\.{re.escape(name)}\b", text):
                    found.setdefault(module, {})[f"{local}.{name}"] = requests_name
    return found


def kept_names(
    project: Project, exports: dict[str, dict[str, str]], uses: dict[str, dict[str, str]]
) -> dict[str, dict[str, str]]:
    """Module -> the requests exception names it imports from requests and must
    keep for others: those another module takes from it, those its ``__all__``
    lists, all of a package's ``__init__``."""
    taken: dict[str, set[str]] = {}
    for module, their in project.facts.items():
        for target in their.imports.values():
            owner, _, name = target.rpartition(".")
            taken.setdefault(project.canonical(owner), set()).add(name)
        for written in uses.get(module, {}):
            head, _, name = written.rpartition(".")
            if head:
                taken.setdefault(project.canonical(their.imports.get(head, head)), set()).add(name)
    kept: dict[str, dict[str, str]] = {}
    for module, names in exports.items():
        loaded = project.files.get(module)
        if loaded is None:
            continue
        package = loaded.source.path.name == "__init__.py"
        imports = project.facts[module].imports
        for local, requests_name in names.items():
            if not _EXCEPTION.fullmatch(imports.get(local, "")):
                continue  # taken from a module of the project: that module keeps it
            listed = re.search(rf"[\"']{re.escape(local)}[\"']", loaded.source.text)
            if package or listed or local in taken.get(module, ()):
                kept.setdefault(module, {})[local] = requests_name
    return kept

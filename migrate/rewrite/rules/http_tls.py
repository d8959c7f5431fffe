"""MIG001, a client's TLS settings: requests' ``verify=`` and ``cert=`` as httpx takes them.

requests takes ``verify=`` as a bool or the path of a CA bundle (or
directory) and ``cert=`` as a file or a (certificate, key) pair; httpx
deprecates both a path as ``verify=`` and ``cert=`` (a DeprecationWarning,
an error where warnings are), and takes one SSL context as ``verify=``. A
client given a ``cert=``, or a ``verify=`` that is no literal bool (a
parameter, an attribute: it may hold a path), gets
``verify=requests_tls(verify, cert)``, the package helper that builds that
context (the shared one where nothing asks for another).
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst
import libcst.matchers as m

from ..nodes import is_keyword, keyword_arg

REQUESTS_TLS = "requests_tls"
# What surely names no path: a literal bool, the shared context.
_NO_PATH = m.Name("True") | m.Name("False") | m.Name("TLS_CONTEXT")


def tls_args(args: list[cst.Arg], use_helper: Callable[[str], str]) -> list[cst.Arg]:
    """A client's ``args`` with ``verify=``/``cert=`` as one context (see the module)."""
    verify = next((a for a in args if is_keyword(a, "verify")), None)
    cert = next((a for a in args if is_keyword(a, "cert")), None)
    if cert is not None and m.matches(cert.value, m.Name("None")):
        args, cert = [a for a in args if a is not cert], None
    if cert is None and (verify is None or _no_path(verify.value)):
        return args
    if verify is not None and m.matches(verify.value, m.Call(func=m.Name(REQUESTS_TLS))):
        return args  # written by an earlier step
    given = [cst.Arg(verify.value)] if verify is not None else []
    if cert is not None:
        given.append(cst.Arg(cert.value) if given else keyword_arg("cert", cert.value))
    context = keyword_arg("verify", cst.Call(cst.Name(use_helper(REQUESTS_TLS)), given))
    out = [a for a in args if a is not verify and a is not cert]
    at = args.index(verify) if verify is not None else args.index(cert)  # type: ignore[arg-type]
    out.insert(min(at, len(out)), context)
    return out


def _no_path(value: cst.BaseExpression) -> bool:
    """``True``, ``TLS_CONTEXT``, ``TLS_CONTEXT if verify else False``: no path."""
    if isinstance(value, cst.IfExp):
        return _no_path(value.body) and _no_path(value.orelse)
    return m.matches(value, _NO_PATH)

"""MIG001, ``files=``: the files requests uploads, as httpx uploads them alike.

httpx refuses a file opened in text mode (or a StringIO), which requests
read and sent as UTF-8; names a file with no name of its own (bytes, a
str) ``upload``, where requests named it after its field; and fails on a
None file, which requests left out. ``requests_files`` (in the package's
helpers module) does what requests did at run time. Files httpx sends
alike as they are written stay as they are: each one a (name, content)
tuple of text or bytes, or a file opened in binary mode.
"""

from __future__ import annotations

import libcst as cst
import libcst.matchers as m

from ..nodes import string_value
from .http_common import is_raw_body

REQUESTS_FILES = "requests_files"
# Calls whose value httpx uploads as requests did: bytes or text, or a binary file.
_BINARY = m.Call(m.Name("BytesIO") | m.Attribute(m.Name("io"), m.Name("BytesIO"))) | m.Call(
    m.Attribute(attr=m.Name("read") | m.Name("getvalue"))
)


def sent_alike(node: cst.BaseExpression) -> bool:
    """Whether httpx uploads the ``files=`` value ``node`` as requests did, as written."""
    if isinstance(node, cst.Dict):
        if not all(isinstance(e, cst.DictElement) for e in node.elements):
            return False
        values = [e.value for e in node.elements if isinstance(e, cst.DictElement)]
    elif isinstance(node, cst.List | cst.Tuple):
        pairs = [e.value for e in node.elements]
        if not all(isinstance(p, cst.Tuple) and len(p.elements) == 2 for p in pairs):
            return False
        values = [cst.ensure_type(p, cst.Tuple).elements[1].value for p in pairs]
    else:
        return False
    return all(_file_alike(value) for value in values)


def _file_alike(value: cst.BaseExpression) -> bool:
    """A named file of bytes or text: ``("a.txt", content)`` with content known to
    be no text file, or a file opened in binary mode (named as requests names it)."""
    if isinstance(value, cst.Tuple) and len(value.elements) >= 2:
        content = value.elements[1].value
        return bool(is_raw_body(content)) or _binary_open(content) or m.matches(content, _BINARY)
    return _binary_open(value)


def _binary_open(node: cst.BaseExpression) -> bool:
    """``open(path, "rb")``."""
    if not m.matches(node, m.Call(m.Name("open"))):
        return False
    call = cst.ensure_type(node, cst.Call)
    mode = next((a.value for a in call.args if a.keyword and a.keyword.value == "mode"), None)
    positional = [a for a in call.args if a.keyword is None]
    if mode is None and len(positional) > 1:
        mode = positional[1].value
    text = string_value(mode) if mode is not None else None
    return text is not None and "b" in text

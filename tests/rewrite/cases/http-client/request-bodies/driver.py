"""Request bodies: raw text, forms, positional data and json, bodies on GET.
A body whose type shows only at run time (a dict, pairs repeating a key, bytes,
text, a file, a generator's chunks) is handed over by the keyword httpx takes
it by, through the helper ``requests_body``."""

import io

# Raw text or bytes of a type known only at run time go on as ``data=``, as the
# code gave them (a test may check the call): httpx warns ``content=`` is its name.
WARNS = {"Use 'content=<...>'": "raw text or bytes given as data=, as the code gave them"}

ROUTES = {
    "POST api.example.com /items": (201, {"created": True}),
    "PUT api.example.com /items": (200, {"updated": True}),
    "GET api.example.com /items": (200, {"items": []}),
}


def drive(run):
    bodies = run.module("bodies")
    run.check("text", bodies.post_text, "abc")
    run.check("literal", bodies.post_literal)
    run.check("form", bodies.post_form, "ann")
    run.check("form of unknown type", bodies.post_unknown, {"k": "v"})
    run.check("pairs repeating a key", bodies.post_unknown, [("t", "a"), ("t", "b"), ("u", None)])
    run.check("bytes of unknown type", bodies.post_unknown, b"raw=1")
    run.check("text of unknown type", bodies.post_unknown, "raw=2")
    run.check("a file", lambda: run.call(bodies.post_unknown, io.BytesIO(b"file body")))
    run.check("chunks from a generator", bodies.post_chunks, ["a", "bc"])
    run.check("a literal list of pairs", bodies.post_topics, "e@x", ["x", "y"])
    run.check("positional form", bodies.post_positional, {"k": "v"})
    run.check("positional json", bodies.post_positional_json, "x")
    run.check("encoded json", bodies.put_encoded, {"k": 1})
    run.check("GET with a body", bodies.get_with_body, "q")

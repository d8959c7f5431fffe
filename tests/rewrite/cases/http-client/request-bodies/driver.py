"""Request bodies: raw text, forms, positional data and json, bodies on GET."""

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
    run.check("positional form", bodies.post_positional, {"k": "v"})
    run.check("positional json", bodies.post_positional_json, "x")
    run.check("encoded json", bodies.put_encoded, {"k": 1})
    run.check("GET with a body", bodies.get_with_body, "q")

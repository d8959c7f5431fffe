"""Properties read by names the source spells out: a preload loop over literal
names in a constructor, a comprehension over a module constant, a constant
name; properties that keep a sync twin are read through it by name."""

ROUTES = {
    "GET wiki.example.com /summary/Python": (200, {"text": "a language"}),
    "GET wiki.example.com /links/Python": (200, {"links": ["Guido", "PEP 8"]}),
    "GET wiki.example.com /info": (200, {"version": "1.41", "name": "Wiki"}),
}


def drive(run):
    page = run.module("wiki.page")
    site = run.module("wiki.site")
    base = run.url("wiki.example.com")
    run.check("preloaded in the constructor", page.preloaded, base, "Python")
    run.check("not preloaded", page.lazy, base, "Python")
    run.check("snapshot", page.snapshot, base, "Python")
    run.check("headline", page.headline, base, "Python")
    run.check("a plain attribute by name", page.title, base, "Python")
    run.check("twins preloaded by name", site.preloaded, base)
    run.check("a twin read by sync code", site.site_label, base)
    run.check("an extension", site.extension_label, {"version": "2", "name": "x"})
    run.answer("GET wiki.example.com /links/Python", 500, {"error": "down"})
    run.check("preload fails", page.preloaded, base, "Python")

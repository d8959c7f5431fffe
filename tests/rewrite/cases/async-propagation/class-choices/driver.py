"""Classes picked from a dict (or a conditional), their constructors fetching."""

ROUTES = {
    "GET wiki.example.com /api/page?title=Main": (200, {"title": "Main"}),
    "GET wiki.example.com /api/page?title=File:Logo.png": (200, {"url": "/logo.png"}),
    "GET wiki.example.com /api/page?title=Category:Birds": (200, {"title": "Birds"}),
    "GET wiki.example.com /api/text?title=Main": (200, {"text": "Welcome"}),
}


def drive(run):
    pages = run.module("wiki.pages")
    run.check("page", pages.page_info, "Main")
    run.check("image", pages.page_info, "File:Logo.png")
    run.check("category", pages.page_info, "Category:Birds")
    run.check("text", pages.text_of, "Main")
    run.check("picked by key", pages.image_url, "File:Logo.png")
    run.check("no such key", pages.image_url, "Main")
    run.check("conditional image", pages.title_of, "File:Logo.png", True)
    run.check("conditional page", pages.title_of, "Main")
    drafts = run.module("wiki.drafts")
    run.check("draft fetched", drafts.draft_info, "Main")
    run.check("stub", drafts.draft_info, "Stub:Main")
    run.answer("GET wiki.example.com /api/page?title=Main", 503, {"error": "down"})
    run.check("fetch fails at construction", pages.page_info, "Main")
    run.check("draft fetch fails", drafts.draft_info, "Main")

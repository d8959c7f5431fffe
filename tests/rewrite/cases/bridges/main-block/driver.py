"""A script's main() over a fetch that becomes async."""

import contextlib
import io

ROUTES = {"GET api.example.com /page": (200, {"text": "hello"})}


def drive(run):
    script = run.module("script")

    def main(url):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = run.call(script.main, ["script.py", url])
        return code, out.getvalue()

    run.check("main", main, run.url("api.example.com") + "/page")

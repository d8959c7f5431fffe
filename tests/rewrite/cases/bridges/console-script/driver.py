"""A console script's main() (named in pyproject.toml) over a fetch that
becomes async: the launcher pip writes calls main() and exits with what it
returns, so main stays sync and bridges."""

import contextlib
import io
import sys
from unittest import mock

ROUTES = {"GET api.example.com /forecast/oslo": (200, {"days": [{"temp": 3}, {"temp": 7}]})}


def drive(run):
    cli = run.module("forecast.cli")

    def launched(*argv):
        # What the console script does: sys.exit(main()), main called, not awaited.
        out = io.StringIO()
        with contextlib.redirect_stdout(out), mock.patch.object(sys, "argv", ["forecast", *argv]):
            code = cli.main()
        return code, out.getvalue()

    run.check("launched", launched, run.url("api.example.com"), "oslo")
    run.check("called", cli.main, [run.url("api.example.com"), "oslo"])

"""A click command (sync by contract) over a fetch that becomes async."""

from click.testing import CliRunner

ROUTES = {"GET rates.example.com /": (200, {"rates": {"USD": 1.1}})}


def drive(run):
    cli = run.module("cli")

    def invoke(*args):
        result = CliRunner().invoke(cli.show_rates, list(args))
        return result.exit_code, result.output

    run.check("default base", invoke)
    run.check("USD base", invoke, "--base", "USD")

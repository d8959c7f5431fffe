"""Click commands, and a group's subcommands (sync by contract: click drops
what they return), over a fetch that becomes async."""

from click.testing import CliRunner

ROUTES = {"GET rates.example.com /": (200, {"rates": {"USD": 1.1}})}


def drive(run):
    cli = run.module("cli")

    def invoke(*args):
        result = CliRunner().invoke(cli.show_rates, list(args))
        return result.exit_code, result.output

    run.check("default base", invoke)
    run.check("USD base", invoke, "--base", "USD")

    def invoke_group(*args):
        result = CliRunner().invoke(cli.rates, list(args))
        return result.exit_code, result.output

    run.check("subcommand of a group", invoke_group, "euro")
    run.check("subcommand named", invoke_group, "dollar")

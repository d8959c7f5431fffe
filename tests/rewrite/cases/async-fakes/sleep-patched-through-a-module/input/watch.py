import time

import click


def file_sizes(path, interval, runs):
    for run in range(runs):
        if run:
            time.sleep(interval)
        with open(path, "rb") as handle:
            yield len(handle.read())


@click.command()
@click.argument("path")
@click.option("--interval", default=60.0)
@click.option("--runs", default=3)
def watch(path, interval, runs):
    for size in file_sizes(path, interval, runs):
        click.echo(size)

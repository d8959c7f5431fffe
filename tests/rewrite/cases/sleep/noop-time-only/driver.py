"""time without sleep: nothing changes."""


def drive(run):
    clock = run.module("clock")
    run.check("stamp", lambda: isinstance(clock.stamp(), float))
    run.check("elapsed", lambda: clock.elapsed(0.0) > 0)

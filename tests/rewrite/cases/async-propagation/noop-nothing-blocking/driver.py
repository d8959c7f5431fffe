"""Nothing blocking: nothing changes, results stay."""


def drive(run):
    maths = run.module("maths")
    run.check("total", maths.total, ['{"n": 1}', '{"n": 2}'])
    run.check("parse error", maths.parse, "{")

from .cli import main, temperatures


def report(base, city):
    """The warmest day, then the script's own line for it, as a user would see it."""
    warmest = max(temperatures(base, city))
    code = main([base, city])
    return warmest, code

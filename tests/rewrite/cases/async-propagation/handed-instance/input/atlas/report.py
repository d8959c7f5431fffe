from .gazetteer import Gazetteer


def headcount(base_url, code):
    return Gazetteer(base_url).region(code).population()


def border_count(base_url, code):
    region = Gazetteer(base_url).region(code)
    return len(region.neighbours())


def capital_forecast(base_url, code):
    return Gazetteer(base_url).region(code).capital().forecast(days=2)


def describe(region):
    return f"{region.code}: {region.population()} people"


def describe_code(base_url, code):
    return describe(Gazetteer(base_url).region(code))

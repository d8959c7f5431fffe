from .gazetteer import Gazetteer


async def headcount(base_url, code):
    return await Gazetteer(base_url).region(code).population()


async def border_count(base_url, code):
    region = Gazetteer(base_url).region(code)
    return len(await region.neighbours())


async def capital_forecast(base_url, code):
    return await (await Gazetteer(base_url).region(code).capital()).forecast(days=2)


async def describe(region):
    return f"{region.code}: {await region.population()} people"


async def describe_code(base_url, code):
    return await describe(Gazetteer(base_url).region(code))

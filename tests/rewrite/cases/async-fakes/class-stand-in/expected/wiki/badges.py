"""A class given a site by some callers and a stand-in of their own by others."""


class Badge:
    def __init__(self, site):
        self.site = site

    async def label(self):
        return (await self.site.get("badge"))["label"]

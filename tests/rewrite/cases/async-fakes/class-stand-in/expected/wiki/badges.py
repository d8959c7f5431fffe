"""A class given a site by some callers and a stand-in of their own by others."""


class Badge:
    def __init__(self, site):
        self.site = site

    def label(self):
        return self.site.get("badge")["label"]

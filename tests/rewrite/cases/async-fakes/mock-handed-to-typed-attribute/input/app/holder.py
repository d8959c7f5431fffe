class Holder:
    def __init__(self, owner, name):
        self.owner = owner
        self.name = name

    def load(self):
        return self.owner.fetch("/items/" + self.name)

    def label(self):
        return f"{self.name}: {self.load()['title']}"

class Resource:
    path = "/"

    def __init__(self, client=None):
        self.client = client

    async def fetch(self, key):
        return await self.client.get(f"{self.path}/{key}")

    async def delete(self, key):
        return await self.client.delete(f"{self.path}/{key}")


class Payment(Resource):
    path = "/payments"

    async def capture(self, key, amount):
        return await self.client.post(f"{self.path}/{key}/capture", {"amount": amount})


class PaymentLink(Resource):
    path = "/links"

    async def create(self, amount):
        return await self.client.post(self.path, {"amount": amount})

    async def close(self, key):
        return await self.client.post(f"{self.path}/{key}/close")


class Document(Resource):
    path = "/documents"

    async def create(self, amount):
        return await self.client.post(self.path, {"amount": amount})

    async def close(self, key):
        return await self.client.post(f"{self.path}/{key}/close")

    async def attach(self, key, text):
        return await self.client.upload(f"{self.path}/{key}", text)

class Resource:
    path = "/"

    def __init__(self, client=None):
        self.client = client

    def fetch(self, key):
        return self.client.get(f"{self.path}/{key}")

    def delete(self, key):
        return self.client.delete(f"{self.path}/{key}")


class Payment(Resource):
    path = "/payments"

    def capture(self, key, amount):
        return self.client.post(f"{self.path}/{key}/capture", {"amount": amount})


class PaymentLink(Resource):
    path = "/links"

    def create(self, amount):
        return self.client.post(self.path, {"amount": amount})

    def close(self, key):
        return self.client.post(f"{self.path}/{key}/close")


class Document(Resource):
    path = "/documents"

    def create(self, amount):
        return self.client.post(self.path, {"amount": amount})

    def close(self, key):
        return self.client.post(f"{self.path}/{key}/close")

    def attach(self, key, text):
        return self.client.upload(f"{self.path}/{key}", text)

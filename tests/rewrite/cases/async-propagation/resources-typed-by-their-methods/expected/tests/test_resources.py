from .helpers import ClientTestCase


class PaymentTest(ClientTestCase):
    async def test_fetch(self):
        self.assertEqual((await self.client.payment.fetch("p1"))["id"], "p1")

    async def test_capture(self):
        self.assertEqual(
            (await self.client.payment.capture("p1", 500))["status"], "captured"
        )

    async def test_delete(self):
        self.assertEqual(await self.client.payment.delete("p1"), {"deleted": True})


class PaymentLinkTest(ClientTestCase):
    async def test_create_then_close(self):
        link = await self.client.payment_link.create(300)
        self.assertEqual(
            (await self.client.payment_link.close(link["id"]))["status"], "closed"
        )


class DocumentTest(ClientTestCase):
    async def test_attach(self):
        self.assertEqual((await self.client.document.attach("d1", "hello"))["size"], 5)

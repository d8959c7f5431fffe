from .helpers import ClientTestCase


class PaymentTest(ClientTestCase):
    def test_fetch(self):
        self.assertEqual(self.client.payment.fetch("p1")["id"], "p1")

    def test_capture(self):
        self.assertEqual(self.client.payment.capture("p1", 500)["status"], "captured")

    def test_delete(self):
        self.assertEqual(self.client.payment.delete("p1"), {"deleted": True})


class PaymentLinkTest(ClientTestCase):
    def test_create_then_close(self):
        link = self.client.payment_link.create(300)
        self.assertEqual(self.client.payment_link.close(link["id"])["status"], "closed")


class DocumentTest(ClientTestCase):
    def test_attach(self):
        self.assertEqual(self.client.document.attach("d1", "hello")["size"], 5)

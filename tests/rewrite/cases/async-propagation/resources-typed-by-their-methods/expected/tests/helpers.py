import unittest

import pay


class ClientTestCase(unittest.IsolatedAsyncioTestCase):
    def setUp(self):
        self.client = pay.Client("https://pay.example.com/v1")

import unittest

import pay


class ClientTestCase(unittest.TestCase):
    def setUp(self):
        self.client = pay.Client("https://pay.example.com/v1")

import unittest

import jobs


class QueueTestCase(unittest.TestCase):
    def setUp(self):
        self.queue = open_queue_for(self)

    def tearDown(self):
        jobs.close_queue(self.queue)
        self.assertEqual(jobs.STATE["open"], 0)


def open_queue_for(test):
    return jobs.open_queue(type(test).__name__)


class NamedQueueTest(QueueTestCase):
    def setUp(self):
        super().setUp()
        self.queue["jobs"].append("first")

    def test_name(self):
        self.assertEqual(self.queue["name"], "NamedQueueTest")

    def test_first_job(self):
        self.assertEqual(self.queue["jobs"], ["first"])
        self.assertEqual(jobs.STATE["open"], 1)


class DirectQueueTest(unittest.TestCase):
    def setUp(self):
        self.queue = open_queue_for(self)
        return super().setUp()

    def tearDown(self):
        jobs.close_queue(self.queue)
        super().tearDown()

    def test_name(self):
        self.assertEqual(self.queue["name"], "DirectQueueTest")

import unittest

import jobs


class QueueTestCase(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.queue = await open_queue_for(self)

    async def asyncTearDown(self):
        await jobs.close_queue(self.queue)
        self.assertEqual(jobs.STATE["open"], 0)


async def open_queue_for(test):
    return await jobs.open_queue(type(test).__name__)


class NamedQueueTest(QueueTestCase):
    async def asyncSetUp(self):
        await super().asyncSetUp()
        self.queue["jobs"].append("first")

    def test_name(self):
        self.assertEqual(self.queue["name"], "NamedQueueTest")

    def test_first_job(self):
        self.assertEqual(self.queue["jobs"], ["first"])
        self.assertEqual(jobs.STATE["open"], 1)


class DirectQueueTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.queue = await open_queue_for(self)
        return await super().asyncSetUp()

    async def asyncTearDown(self):
        await jobs.close_queue(self.queue)
        await super().asyncTearDown()

    def test_name(self):
        self.assertEqual(self.queue["name"], "DirectQueueTest")

from unittest import mock

import jobs

# For Python 2.6, which has no unittest of its own worth the name.
try:
    import unittest2 as unittest
except ImportError:
    import unittest


class QueueTest(unittest.IsolatedAsyncioTestCase):
    @mock.patch.object(jobs, "STATE", {"open": 0})
    async def asyncSetUp(self):
        self.queue = await jobs.open_queue(type(self).__name__)
        self.opened = jobs.STATE["open"]

    def test_opened(self):
        self.assertEqual(self.opened, 1)
        self.assertEqual(self.queue["name"], "QueueTest")

import time


class rate_limited:
    """Lets ``calls`` calls of the function through each ``period`` seconds."""

    def __init__(self, calls, period):
        self.calls = calls
        self.period = period
        self.allowance = None
        self.checked = 0.0

    def __call__(self, fun):
        def limited(*args, **kwargs):
            self._refill()
            while self.allowance < 1:
                time.sleep((1 - self.allowance) * self.period / self.calls)
                self._refill()
            self.allowance -= 1
            return fun(*args, **kwargs)

        return limited

    def _refill(self):
        now = time.time()
        if self.allowance is None:
            self.allowance = float(self.calls)
        else:
            earned = (now - self.checked) * self.calls / self.period
            self.allowance = min(self.allowance + earned, float(self.calls))
        self.checked = now


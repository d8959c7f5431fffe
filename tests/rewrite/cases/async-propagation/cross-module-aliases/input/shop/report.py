import shop.cart as c


def report(skus):
    return c.summary(skus)

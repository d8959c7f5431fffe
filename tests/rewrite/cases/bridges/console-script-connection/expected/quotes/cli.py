import argparse
import asyncio

from .prices import CachedPrices


def main(argv=None):
    parser = argparse.ArgumentParser(prog="quotes")
    parser.add_argument("base")
    parser.add_argument("symbols", nargs="+")
    args = parser.parse_args(argv)
    prices = CachedPrices(args.base)
    try:
        for symbol in args.symbols:
            print(symbol, asyncio.run(prices.price(symbol)))
    finally:
        prices.close()
    return 0

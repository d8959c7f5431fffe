import argparse

import requests


def temperatures(base, city):
    response = requests.get(f"{base}/forecast/{city}", timeout=5)
    response.raise_for_status()
    return [day["temp"] for day in response.json()["days"]]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="forecast")
    parser.add_argument("base")
    parser.add_argument("city")
    args = parser.parse_args(argv)
    print(args.city, max(temperatures(args.base, args.city)))
    return 0

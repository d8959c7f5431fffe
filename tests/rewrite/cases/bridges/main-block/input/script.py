import sys

import requests


def fetch(url):
    return requests.get(url, timeout=5).text


def main(argv):
    print(fetch(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

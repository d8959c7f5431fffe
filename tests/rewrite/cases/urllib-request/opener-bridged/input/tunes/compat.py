import sys

if sys.version_info[0] == 2:
    from urllib2 import HTTPError, Request, build_opener
else:
    from urllib.error import HTTPError
    from urllib.request import Request, build_opener

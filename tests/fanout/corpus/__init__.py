"""Fan-out shapes written the way sync client code is written (issue 11).

Every shape is a function ``shape(urls)`` taking the upstream base URLs by
service name. tests/fanout migrates a copy of this package and runs each
shape, legacy and migrated, against the same loopback upstreams.
"""

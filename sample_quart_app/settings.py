"""Default settings. Upstream URLs point at the local sample services."""

WEATHER_URL = "http://127.0.0.1:8001"
EVENTS_URL = "http://127.0.0.1:8002"
RATES_URL = "http://127.0.0.1:8003"
SOCIAL_URL = "http://127.0.0.1:8004"
PAYMENTS_URL = "http://127.0.0.1:8005"
INVENTORY_URL = "http://127.0.0.1:8006"
JOBS_URL = "http://127.0.0.1:8007"
SEARCH_URL = "http://127.0.0.1:8008"
CATALOG_URL = "http://127.0.0.1:8009"

DATABASE = "sample_app.sqlite3"
HTTP_TIMEOUT = 5.0
SEARCH_TIMEOUT = 1.0
REPORT_POLL_INTERVAL = 0.05
REPORT_MAX_POLLS = 6
DEFAULT_CITY = "Lisbon"

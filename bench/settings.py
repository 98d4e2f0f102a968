"""The portal's settings with a bench-only URLconf: the API next to a bare Django view.

Used by bench/api_pairs.py (in-process and under gunicorn); never by the portal itself.
"""

from config.settings import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
ROOT_URLCONF = "bench.urls"

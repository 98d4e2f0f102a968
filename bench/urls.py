"""The API as the portal serves it, and the bare view it is compared with."""

from django.urls import include, path

from bench.views import bare_pairs

urlpatterns = [
    path("bench/pairs/", bare_pairs, name="bench-pairs"),
    path("api/v1/", include("config.api")),
]

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

admin.site.site_header = _("Local cooperation records")
admin.site.site_title = _("Local cooperation records")
admin.site.index_title = _("Records of local-level international cooperation")

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # The REST API chooses its language from ?lang= or Accept-Language, not from the path.
    path("api/v1/", include("config.api")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("matching/", include("matching.urls")),
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    prefix_default_language=True,
)

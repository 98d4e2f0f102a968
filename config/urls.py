from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

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
    # The researchers' portal: home, lists, detail pages and exports.
    path("", include("partners.urls")),
    path("", include("cooperation.urls")),
    prefix_default_language=True,
)

handler404 = "config.views.not_found"

from django.urls import path

from cooperation import document_views, views

app_name = "cooperation"

urlpatterns = [
    path("", views.home, name="home"),
    path("pairs/", views.pair_list, name="pair_list"),
    path("pairs/export.<str:output>", views.pair_export, name="pair_export"),
    path("pairs/map/", views.pair_map, name="pair_map"),
    path("pairs/<int:pk>/", views.pair_detail, name="pair_detail"),
    path("agreements/", views.agreement_list, name="agreement_list"),
    path("agreements/export.<str:output>", views.agreement_export, name="agreement_export"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("projects/", views.project_list, name="project_list"),
    path("projects/export.<str:output>", views.project_export, name="project_export"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("issues/", views.issue_list, name="issue_list"),
    path("coverage/", views.coverage, name="coverage"),
    path("issues/<slug:slug>/", views.issue_detail, name="issue_detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
    # Staff-only documents; MEDIA_ROOT itself is never mapped onto a URL.
    path(
        "documents/approval-steps/<int:pk>/document/",
        document_views.approval_document,
        name="approval_document",
    ),
]

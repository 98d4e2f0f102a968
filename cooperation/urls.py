from django.urls import path

from cooperation import views

app_name = "cooperation"

urlpatterns = [
    path(
        "approval-steps/<int:pk>/document/",
        views.approval_document,
        name="approval_document",
    ),
]

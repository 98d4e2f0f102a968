from django.urls import path

from partners import views

app_name = "partners"

urlpatterns = [
    path("actors/", views.actor_list, name="actor_list"),
    path("actors/export.<str:output>", views.actor_export, name="actor_export"),
]

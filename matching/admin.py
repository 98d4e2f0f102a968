from django.contrib import admin

from matching.models import WeightPreset
from matching.scoring import CRITERIA


@admin.register(WeightPreset)
class WeightPresetAdmin(admin.ModelAdmin):
    list_display = ("name", *CRITERIA)
    search_fields = ("name",)

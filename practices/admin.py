from __future__ import annotations

from django.contrib import admin

from practices.models import Practice, PracticeSession


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ("name", "category", "user", "default_minutes", "is_archived")
    list_filter = ("category", "is_archived")
    search_fields = ("name", "slug", "user__username")
    raw_id_fields = ("user",)


@admin.register(PracticeSession)
class PracticeSessionAdmin(admin.ModelAdmin):
    list_display = ("started_at", "user", "practice", "state", "before_pain", "after_pain")
    list_filter = ("state", "practice")
    search_fields = ("user__username",)
    date_hierarchy = "started_at"
    raw_id_fields = ("user", "practice")
    list_select_related = ("user", "practice")

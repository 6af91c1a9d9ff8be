from __future__ import annotations

from django.contrib import admin

from journal.models import EntryEmotion, JournalEntry, Profile, Sensation, Tag


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "time_zone", "week_start")
    search_fields = ("user__username",)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "is_archived")
    list_filter = ("is_archived",)
    search_fields = ("name", "user__username")


class EmotionInline(admin.TabularInline):
    model = EntryEmotion
    extra = 0


class EntrySensationInline(admin.TabularInline):
    model = Sensation
    fk_name = "entry"
    extra = 0
    exclude = ("session", "user", "occurred_at")


@admin.register(JournalEntry)
class JournalEntryAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "user", "kind", "pain", "stress", "is_draft")
    list_filter = ("kind", "is_draft")
    search_fields = ("user__username",)
    date_hierarchy = "occurred_at"
    raw_id_fields = ("user", "session")
    filter_horizontal = ("tags",)
    inlines = [EmotionInline, EntrySensationInline]
    list_select_related = ("user",)


@admin.register(Sensation)
class SensationAdmin(admin.ModelAdmin):
    list_display = ("occurred_at", "user", "region", "quality", "intensity", "feel")
    list_filter = ("region", "quality", "feel")
    search_fields = ("user__username",)
    raw_id_fields = ("user", "entry", "session")
    list_select_related = ("user",)


# Invitations to sign up (registered by the accounts package).
import journal.accounts.admin  # noqa: E402, F401

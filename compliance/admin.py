from django.contrib import admin

from compliance.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The audit trail, read-only: nobody adds, changes or deletes entries here."""

    list_display = ("created_at", "actor", "action", "organisation", "campaign")
    list_filter = ("action", "organisation")
    search_fields = ("actor__username", "note")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

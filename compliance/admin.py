from django.contrib import admin

from compliance.models import AuditEntry, Notification, WebhookEvent


# Webhooks (webhooks helper): every stored event; filter on "Unknown campaign or brand" to
# see events for campaigns this app does not know (yet).
@admin.register(WebhookEvent)
class WebhookEventAdmin(admin.ModelAdmin):
    list_display = ("received_at", "kind", "outcome", "telnyx_campaign_id", "campaign", "note")
    list_filter = ("outcome", "kind")
    search_fields = ("dedup_key", "telnyx_campaign_id", "telnyx_brand_id")
    readonly_fields = [field.name for field in WebhookEvent._meta.fields]
    date_hierarchy = "received_at"

    def has_add_permission(self, request):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("created_at", "organisation", "audience", "title", "read_at")
    list_filter = ("audience",)
    search_fields = ("title",)
    raw_id_fields = ("organisation", "campaign", "brand")


# Reviewer console (review helper): the audit trail, read-only; nobody adds, changes or
# deletes entries here.
@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
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

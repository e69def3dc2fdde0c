from allauth.account.decorators import secure_admin_login
from django.contrib import admin

from compliance.masking import mask, mask_name
from compliance.models import (
    AuditEntry,
    Brand,
    Notification,
    OptInRecord,
    Organisation,
    WebhookEvent,
)


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


# Hardening: organisations and brands. An organisation with registered brands cannot be
# deleted (Organisation.delete; the admin lists the protected brands, OrgScoped's FK being
# PROTECT); brands show their sensitive fields masked, never in full (SECURITY.md).
@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "created_at")
    search_fields = ("name", "slug")


@admin.register(Brand)
class BrandAdmin(admin.ModelAdmin):
    list_display = ("__str__", "organisation", "entity_type", "masked_ein", "status")
    list_filter = ("entity_type", "status", "identity_status")
    search_fields = ("display_name", "company_name", "brand_id")
    fields = (
        "organisation",
        "display_name",
        "company_name",
        "entity_type",
        "masked_ein",
        "masked_name",
        "masked_mobile_phone",
        "brand_id",
        "status",
        "identity_status",
    )
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="EIN")
    def masked_ein(self, brand):
        return mask(brand.ein)

    @admin.display(description="Name")
    def masked_name(self, brand):
        return f"{mask_name(brand.first_name)} {mask_name(brand.last_name)}".strip()

    @admin.display(description="Mobile phone")
    def masked_mobile_phone(self, brand):
        return mask(brand.mobile_phone)


# The admin has no sign-in form of its own: /admin/login/ sends staff to the app's sign-in
# (allauth: its rate limits, then the two-factor code) and back to the admin afterwards.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]


@admin.register(OptInRecord)
class OptInRecordAdmin(admin.ModelAdmin):
    """Hosted opt-in requests: read-only evidence; only the subscriber's reply confirms one."""

    list_display = ("masked_phone", "brand", "consented_at", "state_words")
    list_filter = ("brand__organisation",)
    readonly_fields = (
        "masked_phone",
        "brand",
        "campaign",
        "consented_at",
        "state_words",
        "expires_at",
        "disclosure",
        "confirmation_from",
        "confirmation_text",
        "confirmation_sent_at",
        "confirmation_error",
        "confirmed_at",
        "reply_text",
        "reply_event",
    )
    fields = readonly_fields

    @admin.display(description="Phone")
    def masked_phone(self, record: OptInRecord) -> str:
        return mask(record.phone)

    @admin.display(description="State")
    def state_words(self, record: OptInRecord) -> str:
        return record.state.label

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

"""django-allauth wired to this app: the organisation is founded with its owner at sign-up,
rate limits key on the proxy-aware client address, and account e-mails use the app's shared
e-mail layout (templates/email/)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse

from compliance import accounts, ratelimit


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        """allauth's rate limits count per client, never per TLS proxy (TRUSTED_PROXIES)."""
        return ratelimit.client_ip(request)

    @transaction.atomic
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=True)
        # Invited without naming an organisation: they join the inviting one on the
        # invitation's page, where sign-up sends them next.
        if form.cleaned_data.get("organisation_name") or not form.is_invited():
            accounts.found_organisation(user, form.cleaned_data["organisation_name"])
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        base = settings.APP_BASE_URL.rstrip("/")
        context = {
            **context,
            "site_url": base,
            "account_url": base + reverse("account"),
        }
        super().send_mail(template_prefix, email, context)

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's plain-text message inside the shared layout (email/base.txt), and the
        same words in the HTML layout (email/base.html)."""
        message = super().render_mail(template_prefix, email, context, headers)
        bare = render_to_string(f"{template_prefix}_message.txt", {**context, "bare": True})
        html = render_to_string(
            "email/account.html", {**context, "subject": message.subject, "body": bare.strip()}
        )
        message.attach_alternative(html, "text/html")
        return message

"""A brand's public compliance pages, served without login at /c/<slug>/:

- sms-terms/: the SMS program terms (program, frequency, rates, HELP, STOP, support,
  carrier liability) and the privacy clause;
- opt-in/: a consent form with an unchecked box next to the disclosure and a phone field;
  each request is stored with its time, IP, user agent and the exact text shown, and counts
  as consent only once the subscriber replies YES to the text the program's number sends
  them (compliance/services/hosted.py; issue 20, finding 14). The pages tell them to reply.

The forms are CSRF-protected and rate-limited per IP.
"""

import phonenumbers
from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from compliance import ratelimit
from compliance.http import HtmxHttpRequest
from compliance.models import HostedPages
from compliance.models.hosted import disclosure_hash
from compliance.services.hosted import hosted_program, record_opt_in

NO_SHARING_CLAUSE = (
    "No mobile information will be shared with third parties or affiliates for marketing or "
    "promotional purposes. Text messaging originator opt-in data and consent will not be "
    "shared with any third parties."
)


class OptInForm(forms.Form):
    phone = forms.CharField(
        label="Mobile phone number",
        max_length=30,
        help_text="A US or Canadian mobile number, e.g. (512) 555-0142.",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    consent = forms.BooleanField(
        required=True,
        error_messages={"required": "Tick the box to agree to receive text messages."},
    )
    disclosure_sha256 = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, disclosure: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.disclosure = disclosure
        self.fields["disclosure_sha256"].initial = disclosure_hash(disclosure)

    def clean_phone(self) -> str:
        raw = self.cleaned_data["phone"]
        try:
            number = phonenumbers.parse(raw, "US")
        except phonenumbers.NumberParseException:
            number = None
        if (
            number is None
            or not phonenumbers.is_valid_number(number)
            or phonenumbers.region_code_for_number(number) not in ("US", "CA")
        ):
            raise forms.ValidationError("Enter a valid US or Canadian mobile number.")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def clean_disclosure_sha256(self) -> str:
        value = self.cleaned_data["disclosure_sha256"]
        if value != disclosure_hash(self.disclosure):
            raise forms.ValidationError(
                "The terms changed while the page was open. Please read them again and confirm."
            )
        return value


def _pages(slug: str) -> HostedPages:
    return get_object_or_404(HostedPages.objects.select_related("brand"), slug=slug, enabled=True)


@require_GET
def sms_terms(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    program = hosted_program(_pages(slug))
    return render(
        request,
        "compliance/hosted/sms_terms.html",
        {"program": program, "no_sharing_clause": NO_SHARING_CLAUSE},
    )


@require_http_methods(["GET", "POST"])
def opt_in(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    pages = _pages(slug)
    program = hosted_program(pages)
    form = OptInForm(
        request.POST if request.method == "POST" else None, disclosure=program.disclosure
    )
    status = 200
    if request.method == "POST":
        # Per page and address: a burst on one brand's page never blocks another brand's.
        if ratelimit.hit(ratelimit.OPT_IN_PER_IP, f"{slug}|{ratelimit.client_ip(request)}"):
            form.is_valid()
            form.add_error(
                None,
                "Too many sign-ups from this address. Please wait "
                f"{ratelimit.OPT_IN_PER_IP.window_words} and try again.",
            )
            status = 429
        elif form.is_valid():
            record_opt_in(
                pages,
                phone=form.cleaned_data["phone"],
                disclosure=program.disclosure,
                ip_address=ratelimit.client_ip(request),
                user_agent=request.headers.get("user-agent", ""),
                page_url=request.build_absolute_uri(),
            )
            return redirect("hosted_opt_in_done", slug=pages.slug)
    context = {"program": program, "form": form}
    return render(request, "compliance/hosted/opt_in.html", context, status=status)


@require_GET
def opt_in_done(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    return render(
        request, "compliance/hosted/opt_in_done.html", {"program": hosted_program(_pages(slug))}
    )

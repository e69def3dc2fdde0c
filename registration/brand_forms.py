"""The brand wizard's forms and steps (walked by registration/wizard.py).

Rules are not written here: each field normalises with compliance.brand_rules (phone, EIN,
state, ZIP, website, email) and then checks the result against the Telnyx wire schema
(lengths, enums, formats), so the form and the request body share one set of rules. Which
fields a step asks, and which are required, depends on the entity type (brand_rules too).
"""

from dataclasses import dataclass

from django import forms

from compliance import brand_rules
from compliance.forms import cost_confirmation_field
from compliance.models import Brand
from compliance.services import brands as brand_services
from compliance.services import guardrails
from compliance.services.sitecheck import request_site_check
from compliance.telnyx.schemas.brands import (
    ALT_BUSINESS_ID_TYPES,
    OTP_PLACEHOLDER,
    STOCK_EXCHANGES,
    VERTICALS,
)
from registration.wizard import Step, Wizard

ENTITY_SENTENCES = {
    "PRIVATE_PROFIT": "A company owned privately, such as an LLC or a corporation not on a "
    "stock exchange.",
    "PUBLIC_PROFIT": "A company whose shares trade on a stock exchange.",
    "NON_PROFIT": "A charity or other tax-exempt organisation, such as a 501(c)(3).",
    "GOVERNMENT": "A federal, state or local government body or agency.",
    "SOLE_PROPRIETOR": "One person trading without a company or an EIN; you verify your "
    "mobile phone with a PIN instead.",
}


def _label(value: str) -> str:
    return value.replace("_", " ").title()


@dataclass(frozen=True)
class FieldInfo:
    label: str
    help: str = ""
    choices: tuple[tuple[str, str], ...] | None = None
    input_type: str = "text"
    autocomplete: str = ""


FIELDS: dict[str, FieldInfo] = {
    "company_name": FieldInfo(
        "Legal company name", "Exactly as on your IRS records.", autocomplete="organization"
    ),
    "display_name": FieldInfo(
        "Display name", "The name your customers know you by (DBA or brand name)."
    ),
    "ein": FieldInfo("EIN (tax id)", "9 digits, e.g. 12-3456789."),
    "first_name": FieldInfo("First name", autocomplete="given-name"),
    "last_name": FieldInfo("Last name", autocomplete="family-name"),
    "mobile_phone": FieldInfo(
        "Mobile phone",
        "We text a PIN to this number to verify you. US or Canadian mobile.",
        input_type="tel",
        autocomplete="tel",
    ),
    "alt_business_id_type": FieldInfo(
        "Alternate business id type",
        "Optional: a DUNS, GIIN or LEI number helps verification.",
        choices=(("", "None"),) + tuple((v, v) for v in ALT_BUSINESS_ID_TYPES if v != "NONE"),
    ),
    "alt_business_id": FieldInfo("Alternate business id"),
    "stock_symbol": FieldInfo("Stock symbol", "e.g. ACME."),
    "stock_exchange": FieldInfo(
        "Stock exchange",
        choices=(("", "Choose…"),) + tuple((v, v) for v in STOCK_EXCHANGES if v != "NONE"),
    ),
    "vertical": FieldInfo(
        "Industry", choices=(("", "Choose…"),) + tuple((v, _label(v)) for v in VERTICALS)
    ),
    "street": FieldInfo("Street address", autocomplete="street-address"),
    "city": FieldInfo("City", autocomplete="address-level2"),
    "state": FieldInfo("State", "Two-letter code, e.g. IL.", autocomplete="address-level1"),
    "postal_code": FieldInfo("ZIP code", autocomplete="postal-code"),
    "country": FieldInfo("Country", choices=(("US", "United States"),)),
    "phone": FieldInfo(
        "Business phone", "e.g. (312) 555-0001.", input_type="tel", autocomplete="tel"
    ),
    "email": FieldInfo(
        "Support email", "Where customers and carriers can reach you.", input_type="email"
    ),
    "business_contact_email": FieldInfo(
        "Business contact email",
        "A public company receives a verification email here (2FA).",
        input_type="email",
    ),
    "website": FieldInfo("Website", "Your own https:// site, no URL shorteners.", input_type="url"),
}


class BrandValueField(forms.CharField):
    """A brand field: normalised by brand_rules, then checked against the wire schema."""

    def __init__(self, name: str, **kwargs):
        self.wire_name = name
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return ""
        normalise = brand_rules.NORMALISERS.get(self.wire_name)
        if normalise:
            try:
                value = normalise(value)
            except ValueError as exc:
                raise forms.ValidationError(str(exc)) from exc
        problem = brand_rules.wire_error(self.wire_name, value)
        if problem:
            raise forms.ValidationError(problem)
        return value


class BrandChoiceField(forms.ChoiceField):
    def __init__(self, name: str, **kwargs):
        self.wire_name = name
        super().__init__(**kwargs)


@dataclass
class Row:
    """A bound field with what Telnyx said about it (422 errors, brand feedback)."""

    field: forms.BoundField
    notes: list[str]


class BrandStepForm(forms.Form):
    """The fields `names` of a step, required as the entity type requires."""

    def __init__(self, data=None, *, brand: Brand, names: tuple[str, ...], notes=None):
        super().__init__(data, initial={n: getattr(brand, n) for n in names})
        required = brand_rules.required_fields(brand.entity_type)
        self.notes = notes or {}
        for name in names:
            info = FIELDS[name]
            options = {"label": info.label, "help_text": info.help, "required": name in required}
            field: forms.Field
            if info.choices:
                field = BrandChoiceField(name, choices=info.choices, **options)
            else:
                field = BrandValueField(name, **options)
                field.widget.input_type = info.input_type
            if info.autocomplete:
                field.widget.attrs["autocomplete"] = info.autocomplete
            # The live check answers into the region next to the field (check-<name>).
            described = ([f"id_{name}_helptext"] if info.help else []) + [f"check-{name}"]
            field.widget.attrs["aria-describedby"] = " ".join(described)
            self.fields[name] = field

    def clean(self):
        data = super().clean()
        if "alt_business_id" in self.fields:
            has_id, has_type = data.get("alt_business_id"), data.get("alt_business_id_type")
            if has_id and not has_type:
                self.add_error("alt_business_id_type", "Choose which kind of id this is.")
            if has_type and not has_id:
                self.add_error("alt_business_id", "Enter the id, or choose None as its type.")
        return data

    def rows(self) -> list[Row]:
        return [Row(self[name], self.notes.get(name, [])) for name in self.fields]

    def row(self, name: str) -> Row:
        return Row(self[name], self.notes.get(name, []))


class EntityTypeForm(forms.Form):
    entity_type = forms.ChoiceField(
        label="What kind of organisation is this brand?",
        choices=Brand.EntityType.choices,
        widget=forms.RadioSelect,
    )

    def __init__(self, data=None, *, brand: Brand):
        super().__init__(data, initial={"entity_type": brand.entity_type})

    def choices_with_sentences(self):
        return [(radio, ENTITY_SENTENCES[radio.data["value"]]) for radio in self["entity_type"]]


# -- steps (registration/wizard.py) -----------------------------------------------------------
def field_notes(brand: Brand) -> dict[str, list[str]]:
    """What Telnyx said about each field: the last submission's 422 and brand feedback."""
    notes = brand_services.feedback_by_field(brand)
    for name, errors in brand.field_errors.items():
        notes.setdefault(name, []).extend(errors)
    return notes


class BrandStep(Step):
    """A step of the brand wizard: which brand fields it asks."""

    def field_names(self, brand: Brand) -> tuple[str, ...]:
        return ()


class EntityTypeStep(BrandStep):
    """The first question: every other step depends on its answer."""

    def __init__(self) -> None:
        super().__init__("entity-type", "Entity type", partial="step-entity-type")

    def field_names(self, brand: Brand) -> tuple[str, ...]:
        return ("entity_type",)

    def is_complete(self, brand: Brand) -> bool:
        return bool(brand.entity_type)

    def form(self, brand: Brand, data=None) -> forms.Form:
        return EntityTypeForm(data, brand=brand)

    def save(self, request, brand: Brand, form: forms.BaseForm) -> bool:
        brand_services.save_step(brand, form.cleaned_data)
        return True

    def next(self, wizard: Wizard, brand: Brand) -> Step:
        # A new entity type may make earlier answers irrelevant or new ones required.
        return wizard.first_incomplete(brand)


class BrandFieldsStep(BrandStep):
    """A page of brand fields, asked as the entity type requires and checked field by field
    as the user leaves each one."""

    validates_fields = True
    shown_early = True

    def __init__(self, id: str, title: str, candidates: tuple[str, ...]) -> None:  # noqa: A002
        super().__init__(id, title, partial="step-fields")
        self.candidates = candidates

    def applies_to(self, brand: Brand) -> bool:
        return bool(brand.entity_type)

    def field_names(self, brand: Brand) -> tuple[str, ...]:
        applicable = brand_rules.applicable_fields(brand.entity_type)
        return tuple(n for n in self.candidates if n in applicable)

    def is_complete(self, brand: Brand) -> bool:
        required = brand_rules.required_fields(brand.entity_type)
        return all(getattr(brand, n) for n in self.field_names(brand) if n in required)

    def form(self, brand: Brand, data=None) -> BrandStepForm:
        return BrandStepForm(
            data, brand=brand, names=self.field_names(brand), notes=field_notes(brand)
        )

    def save(self, request, brand: Brand, form: forms.BaseForm) -> bool:
        brand_services.save_step(brand, form.cleaned_data)
        if form.cleaned_data.get("website"):
            request_site_check(brand=brand)
        return True


class BrandReviewStep(BrandStep):
    """Review and submit: the wizard's view handles it (cost confirmation, submission)."""

    final = True
    shown_early = True

    def __init__(self) -> None:
        super().__init__("review", "Review and submit", partial="step-review")

    def applies_to(self, brand: Brand) -> bool:
        return bool(brand.entity_type)


WIZARD = Wizard(
    EntityTypeStep(),
    BrandFieldsStep(
        "identity",
        "Identity",
        (
            "company_name",
            "first_name",
            "last_name",
            "display_name",
            "ein",
            "mobile_phone",
            "alt_business_id_type",
            "alt_business_id",
            "stock_symbol",
            "stock_exchange",
            "vertical",
        ),
    ),
    BrandFieldsStep(
        "contact",
        "Address and contact",
        (
            "street",
            "city",
            "state",
            "postal_code",
            "country",
            "phone",
            "email",
            "business_contact_email",
            "website",
        ),
    ),
    BrandReviewStep(),
)


# -- OTP and vetting -------------------------------------------------------------------------
class OtpSendForm(forms.Form):
    pin_sms = forms.CharField(
        label="Text with the PIN",
        max_length=300,
        help_text=f"{OTP_PLACEHOLDER} is replaced by the PIN.",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    success_sms = forms.CharField(
        label="Text after verification", max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean_pin_sms(self):
        value = self.cleaned_data["pin_sms"]
        if OTP_PLACEHOLDER not in value:
            raise forms.ValidationError(f"Keep {OTP_PLACEHOLDER} in the text: the PIN goes there.")
        return value


class OtpVerifyForm(forms.Form):
    pin = forms.RegexField(
        label="PIN",
        regex=r"^\s*[0-9A-Za-z]{4,10}\s*$",
        error_messages={"invalid": "The PIN is 4 to 10 characters, as texted to you."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class VettingOrderForm(forms.Form):
    evp_id = forms.ChoiceField(label="Vetting provider")
    vetting_class = forms.ChoiceField(label="Vetting class")

    def __init__(self, *args, providers, classes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evp_id"].choices = providers
        self.fields["vetting_class"].choices = classes
        self.fields["confirm_cost"] = cost_confirmation_field(guardrails.vetting_fee())

    @property
    def order(self) -> dict:
        """The order's values (without the confirmation)."""
        return {k: v for k, v in self.cleaned_data.items() if k != "confirm_cost"}


class VettingImportForm(forms.Form):
    evp_id = forms.ChoiceField(label="Vetting provider")
    vetting_id = forms.CharField(label="Vetting id", max_length=64)
    vetting_token = forms.CharField(label="Vetting token", max_length=200, required=False)

    def __init__(self, *args, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evp_id"].choices = providers

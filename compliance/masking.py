"""Sensitive values (EIN, sole proprietors' names and mobile numbers) are shown masked in
lists and logs: all but the last few characters hidden."""

import re

SENSITIVE_WIRE_FIELDS = frozenset({"ein", "firstName", "lastName", "mobilePhone", "otpPin"})


def mask(value: str, visible: int = 4) -> str:
    """'123456789' → '•••••6789'; short values are hidden entirely."""
    value = str(value or "")
    if not value:
        return ""
    if len(value) <= visible:
        return "•" * len(value)
    return "•" * (len(value) - visible) + value[-visible:]


def mask_name(value: str) -> str:
    """'Jane' → 'J•••' (initial only)."""
    value = str(value or "")
    return value[:1] + "•" * (len(value) - 1) if value else ""


def redact(data):
    """A copy of a wire body with the sensitive fields masked (for logs and audit views)."""
    if isinstance(data, dict):
        return {
            k: (mask(v) if k in SENSITIVE_WIRE_FIELDS and isinstance(v, str) else redact(v))
            for k, v in data.items()
        }
    if isinstance(data, list):
        return [redact(v) for v in data]
    return data


_DIGIT_RUN = re.compile(r"\+?\d[\d\- ]{6,}\d")


def scrub_digits(text: str) -> str:
    """Mask long digit runs (EINs, phone numbers) inside free text such as error messages."""
    return _DIGIT_RUN.sub(lambda m: mask(re.sub(r"\D", "", m.group())), str(text))

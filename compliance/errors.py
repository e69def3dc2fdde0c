"""The one error vocabulary of the app: what did not happen, in plain words.

- `Refusal` is the one exception a service raises when an action did not happen: a message
  for the page and, where they apply, messages per form field (keyed by model field name, ""
  for the whole form). Each area names its own subclass (ActionRefused, CampaignError,
  NumberError, ReviewError) so a view can catch its area's refusals or any refusal.
- `plain_words` turns any Telnyx error into words for the action the user tried; Telnyx's own
  texts are scrubbed of long digit runs (an EIN or a mobile number it echoes) first.
"""

from collections.abc import Callable, Mapping

from compliance.masking import scrub_digits
from compliance.telnyx.errors import (
    Forbidden,
    NotFound,
    RateLimited,
    TelnyxError,
    Unauthorized,
    Unavailable,
)


class Refusal(Exception):
    """An action that did not happen; `message` says why in plain words."""

    def __init__(self, message: str, field_errors: Mapping[str, list[str]] | None = None):
        self.message = message
        self.field_errors: dict[str, list[str]] = dict(field_errors or {})
        super().__init__(message)


def telnyx_details(exc: TelnyxError, mask: Callable[[str], str] = scrub_digits) -> str:
    """What Telnyx said, item by item, masked."""
    return "; ".join(mask(item.message) for item in exc.errors if item.message)


def plain_words(
    exc: TelnyxError,
    action: str,
    *,
    thing: str = "record",
    mask: Callable[[str], str] = scrub_digits,
    key_hint: str = "",
) -> str:
    """A Telnyx error in words the user can act on. `action` completes "we could not …"
    (e.g. "send the appeal"); `thing` names what a 404 is about ("brand", "campaign");
    `key_hint` says what to do about a refused API key when it is the user's own (the
    default speaks to the operator, whose key is TELNYX_API_KEY)."""
    if key_hint and isinstance(exc, Unauthorized):
        return f"We could not {action}: Telnyx did not accept this API key. {key_hint}"
    if isinstance(exc, RateLimited):
        return (
            f"Telnyx is busy right now, so we could not {action}; nothing was changed. "
            "Try again in a minute."
        )
    if isinstance(exc, Unavailable):
        return (
            f"Telnyx could not be reached, so we could not {action}; nothing was changed. "
            "Try again in a few minutes."
        )
    if isinstance(exc, NotFound):
        return f"Telnyx does not know this {thing} any more, so we could not {action}."
    if isinstance(exc, (Unauthorized, Forbidden)):
        return f"We could not {action}: {exc.user_message}"
    details = telnyx_details(exc, mask)
    return f"Telnyx refused to {action}: {details or exc.user_message}"


def field_errors(
    exc: TelnyxError,
    field_for_wire: Mapping[str, str],
    mask: Callable[[str], str] = scrub_digits,
) -> dict[str, list[str]]:
    """Telnyx's errors keyed by model field name ("" for errors on no known field)."""
    result: dict[str, list[str]] = {}
    for wire, messages in exc.field_errors().items():
        result.setdefault(field_for_wire.get(wire, ""), []).extend(mask(m) for m in messages)
    return result

"""What each member of an organisation may do: the one table of rights, and the one way views
enforce it.

Every role check asks `tenancy.current_membership(request)` for the member's role and this
table for the answer: views are wrapped in `@role_required(<capability>)` (a POST, PUT, PATCH
or DELETE needs the capability, a GET only to be a member) or call `require(request, ...)`
where one view serves several rights (a wizard's last step, which charges a fee). A refusal
is a 403 page in plain words ("Ask an owner or admin to …", templates/403.html); templates
read the same table through `can` (the `role_context` processor) to hide or disable the
buttons a role cannot use.
"""

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from enum import StrEnum
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from compliance.models import Membership

Role = Membership.Role


class Capability(StrEnum):
    VIEW = "view"
    EDIT = "edit"
    SUBMIT_BILLABLE = "submit_billable"
    WITHDRAW = "withdraw"
    MANAGE_MEMBERS = "manage_members"
    REQUIRE_TWO_FACTOR = "require_two_factor"
    TRANSFER_OWNERSHIP = "transfer_ownership"
    CONNECT_TELNYX_ACCOUNT = "connect_telnyx_account"


@dataclass(frozen=True)
class Right:
    roles: frozenset[str]
    words: str  # what the right lets one do, for the members page
    ask: str  # the refusal's second sentence: who to ask, for what


EVERYONE = frozenset(Role.values)
EDITORS = frozenset({Role.OWNER, Role.ADMIN, Role.MEMBER})
MANAGERS = frozenset({Role.OWNER, Role.ADMIN})
OWNERS = frozenset({Role.OWNER})

RIGHTS: dict[Capability, Right] = {
    Capability.VIEW: Right(
        EVERYONE,
        "See the brands, campaigns, numbers, fees and members; refresh a status; read and "
        "clear their own notifications",
        "Ask an owner or admin to invite you.",
    ),
    Capability.EDIT: Right(
        EDITORS,
        "Start and edit drafts, check websites, write to the reviewers, assign and move "
        "numbers, send test messages",
        "Ask an owner or admin to make you a member, or to make this change for you.",
    ),
    Capability.SUBMIT_BILLABLE: Right(
        MANAGERS,
        "Confirm what costs money: register a brand, submit a campaign, appeal a rejection, "
        "order a vetting",
        "Ask an owner or admin to confirm it: it charges a fee.",
    ),
    Capability.WITHDRAW: Right(
        MANAGERS,
        "Deactivate a campaign or delete a brand at Telnyx",
        "Ask an owner or admin to do it: it cannot be undone.",
    ),
    Capability.MANAGE_MEMBERS: Right(
        MANAGERS,
        "Invite people, change roles, remove members",
        "Ask an owner or admin to change the members.",
    ),
    Capability.REQUIRE_TWO_FACTOR: Right(
        OWNERS,
        "Require two-factor sign-in for every member",
        "Ask an owner to change it.",
    ),
    Capability.TRANSFER_OWNERSHIP: Right(
        OWNERS,
        "Hand the organisation to another member",
        "Ask an owner: only an owner can hand the organisation over.",
    ),
    Capability.CONNECT_TELNYX_ACCOUNT: Right(
        OWNERS,
        "Connect or disconnect the organisation's own Telnyx account, check its key and "
        "import what it holds",
        "Ask an owner: the account's key gives access to everything registered in it.",
    ),
}

# What a role is, in a sentence, for the members page and the invitation.
ROLE_WORDS = {
    Role.OWNER: "Owns the organisation: everything an admin does, and two-factor sign-in "
    "for all and handing the organisation over.",
    Role.ADMIN: "Confirms what costs money and manages the members.",
    Role.MEMBER: "Prepares and edits drafts; an owner or admin confirms what costs money.",
    Role.VIEWER: "Looks only: sees everything, changes nothing.",
}


class RoleForbidden(PermissionDenied):
    """A member's role does not carry the right: a 403 page that says who can help."""


def can(membership: Membership | None, capability: Capability) -> bool:
    return membership is not None and membership.role in RIGHTS[capability].roles


def refusal(membership: Membership, capability: Capability) -> str:
    return (
        f"As {membership.get_role_display().lower()} of {membership.organisation} you cannot "
        f"do this. {RIGHTS[capability].ask}"
    )


def require(request: HttpRequest, capability: Capability) -> Membership:
    """The signed-in member, when their role carries `capability`; RoleForbidden otherwise (a
    404 when they belong to no organisation)."""
    from compliance.tenancy import current_membership

    membership = current_membership(request)
    if not can(membership, capability):
        raise RoleForbidden(refusal(membership, capability))
    return membership


SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def role_required(capability: Capability, *, to_look: Capability = Capability.VIEW):
    """A view whose changes (any method but GET, HEAD, OPTIONS) need `capability`, and whose
    pages need `to_look` (being a member, unless said otherwise). Goes inside
    `login_required`."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            require(request, to_look if request.method in SAFE_METHODS else capability)
            return view(request, *args, **kwargs)

        wrapped.required_capability = capability  # type: ignore[attr-defined]
        return wrapped

    return decorate


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The 403 page (handler403). An HTMX request would swap nothing on a 403 (htmx leaves
    4xx answers unswapped), so it gets the words as a message and reloads the page."""
    words = str(exception) if exception is not None and str(exception) else ""
    if request.headers.get("HX-Request") == "true":
        messages.error(request, words or "You do not have access to this.")
        response = HttpResponse(status=403)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "403.html", {"exception": words}, status=403)


def role_context(request: HttpRequest) -> dict:
    """`can.<capability>` for the templates, and the member's role."""
    from compliance.tenancy import current_membership

    membership = None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        with suppress(Http404):
            membership = current_membership(request)
    return {
        "can": {capability.value: can(membership, capability) for capability in Capability},
        "current_role": membership.get_role_display() if membership else "",
    }

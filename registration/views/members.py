"""The organisation's members: who they are and their roles, invitations (sent, resent,
revoked, accepted), removal and handing over ownership (compliance/services/members.py).

Rights come from compliance/roles.py through `role_required` and `require`; a member or an
invitation of another organisation is a 404 (compliance/tenancy.py)."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from compliance import roles, tenancy
from compliance.http import HtmxHttpRequest, post_redirect
from compliance.models import Invitation, Membership
from compliance.presentation import person
from compliance.roles import Capability, role_required
from compliance.services import members as services
from compliance.tenancy import current_membership, get_owned_or_404
from registration.member_forms import InviteForm, RoleForm

TEMPLATE = "registration/members/list.html"


def _members_page(request, invite_form=None, status=200) -> HttpResponse:
    me = current_membership(request)
    organisation = me.organisation
    rows = [
        {
            "membership": m,
            "who": person(m.user),
            "is_me": m.pk == me.pk,
            "role_form": RoleForm(initial={"role": m.role}),
        }
        for m in services.members(organisation)
    ]
    context = {
        "organisation": organisation,
        "me": me,
        "rows": rows,
        "invitations": [
            {"invitation": i, "by": person(i.invited_by)}
            for i in services.pending_invitations(organisation)
        ],
        "invite_form": invite_form or InviteForm(),
        "rights": [
            {"words": right.words, "roles": [r for r in roles.Role if r in right.roles]}
            for right in roles.RIGHTS.values()
        ],
        "all_roles": list(roles.Role),
        "role_words": [(role.label, roles.ROLE_WORDS[role]) for role in roles.Role],
        "trail": services.trail(organisation),
    }
    return render(request, TEMPLATE, context, status=status)


def _back(request) -> HttpResponse:
    return post_redirect(request, reverse("members"))


@login_required
@require_GET
@role_required(Capability.VIEW)
def member_list(request: HtmxHttpRequest) -> HttpResponse:
    return _members_page(request)


@login_required
@require_POST
@role_required(Capability.MANAGE_MEMBERS)
def member_invite(request: HtmxHttpRequest) -> HttpResponse:
    me = current_membership(request)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return _members_page(request, invite_form=form)
    try:
        services.invite(me.organisation, me.user, **form.cleaned_data)
    except services.MembersRefused as exc:
        form.add_error(None, exc.message)
        return _members_page(request, invite_form=form)
    messages.success(
        request,
        f"Invitation sent to {form.cleaned_data['email']}. The link works for "
        f"{services.expiry_words()}.",
    )
    return _back(request)


def _member(request, public_id) -> Membership:
    return get_owned_or_404(request, Membership.objects.select_related("user"), public_id=public_id)


def _invitation(request, public_id) -> Invitation:
    return get_owned_or_404(request, Invitation, public_id=public_id)


@login_required
@require_POST
@role_required(Capability.MANAGE_MEMBERS)
def member_role(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    target = _member(request, public_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose admin, member or viewer.")
        return _back(request)
    try:
        services.change_role(target, form.cleaned_data["role"], current_membership(request))
    except services.MembersRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{person(target.user)} is now {target.get_role_display()}.")
    return _back(request)


@login_required
@require_POST
@role_required(Capability.MANAGE_MEMBERS)
def member_remove(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    target = _member(request, public_id)
    try:
        services.remove(target, current_membership(request))
    except services.MembersRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{person(target.user)} no longer has access.")
    return _back(request)


@login_required
@require_http_methods(["GET", "POST"])
@role_required(Capability.TRANSFER_OWNERSHIP, to_look=Capability.TRANSFER_OWNERSHIP)
def member_transfer(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    """A confirmation page, then the handover."""
    target = _member(request, public_id)
    me = current_membership(request)
    if request.method == "POST":
        try:
            services.transfer_ownership(target, me)
        except services.MembersRefused as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, f"{person(target.user)} now owns {me.organisation}; you are an admin."
            )
        return _back(request)
    return render(
        request,
        "registration/members/transfer.html",
        {"target": target, "who": person(target.user), "organisation": me.organisation},
    )


@login_required
@require_POST
@role_required(Capability.MANAGE_MEMBERS)
def invitation_resend(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    invitation = _invitation(request, public_id)
    try:
        services.resend(invitation, current_membership(request).user)
    except services.MembersRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            f"Invitation sent again to {invitation.email}; the earlier link no longer works.",
        )
    return _back(request)


@login_required
@require_POST
@role_required(Capability.MANAGE_MEMBERS)
def invitation_revoke(request: HtmxHttpRequest, public_id: UUID) -> HttpResponse:
    invitation = _invitation(request, public_id)
    try:
        services.revoke(invitation, current_membership(request).user)
    except services.MembersRefused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"The invitation to {invitation.email} is withdrawn.")
    return _back(request)


@require_http_methods(["GET", "POST"])
def invitation(request: HtmxHttpRequest, token: str) -> HttpResponse:
    """The link in the invitation e-mail. Anyone may read it (it names the organisation and
    who invited); joining needs an account signed in with the invited address. Opening a
    valid link proves the address is the visitor's, so a sign-up from here with that address
    needs no second confirmation (allauth's `account_verified_email`)."""
    found = services.invitation_for(token)
    problem = services.invitation_problem(found)
    user = request.user
    refusal = None
    if found is not None and problem is None:
        if user.is_authenticated:
            refusal = services.joining_refusal(user, found)
        else:
            request.session["account_verified_email"] = found.email
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect(f"{reverse('account_login')}?next={request.path}")
        if found is not None and problem is None and refusal is None:
            try:
                joined = services.accept(found, user)
            except services.MembersRefused as exc:
                refusal = exc.message
            else:
                tenancy.switch_organisation(request, joined.organisation.public_id)
                messages.success(
                    request,
                    f"Welcome to {found.organisation}. You joined as "
                    f"{services.role_words(found.role)}.",
                )
                return redirect("home")
    return render(
        request,
        "registration/members/invitation.html",
        {
            "invitation": found,
            "problem": problem,
            "refusal": refusal,
            "inviter": person(found.invited_by) if found else "",
            "role_words": roles.ROLE_WORDS[roles.Role(found.role)] if found else "",
            "here": request.path,
        },
        status=200 if problem is None else 410,
    )

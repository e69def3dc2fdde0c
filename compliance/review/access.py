"""The one gate of the reviewer console: every reviewer view is wrapped in `reviewer_required`."""

import functools

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from compliance.tenancy import is_reviewer


def reviewer_required(view):
    """Anonymous users go to the login page; signed-in users without the reviewer
    permission (customers) get 403."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_reviewer(request.user):
            raise PermissionDenied("Only reviewers can open the review console.")
        return view(request, *args, **kwargs)

    wrapper.reviewer_required = True
    return wrapper

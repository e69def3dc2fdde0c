from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from compliance import accounts, ratelimit
from compliance.http import HtmxHttpRequest
from compliance.tenancy import organisation_of
from registration import dashboard
from registration.forms import SignUpForm


class LoginView(auth_views.LoginView):
    """Django's login, limited per IP and per username; a limited attempt is refused before
    the password is checked, with a message that says when to try again."""

    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        limit = ratelimit.login_refusal(request, request.POST.get("username", ""))
        if limit is not None:
            form = self.get_form()
            form.errors.clear()
            form.add_error(
                None,
                f"Too many login attempts. Please wait {limit.window_words} and try again.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        ratelimit.count_failed_login(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)

    def form_valid(self, form):
        ratelimit.reset(ratelimit.LOGIN_PER_USER, form.get_user().get_username())
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited per IP: each request sends an email."""

    def post(self, request, *args, **kwargs):
        limit = ratelimit.PASSWORD_RESET_PER_IP
        if ratelimit.hit(limit, ratelimit.client_ip(request)):
            form = self.get_form()
            form.errors.clear()
            form.add_error(
                None,
                f"Too many password reset requests. Please wait {limit.window_words} and try "
                "again.",
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)


@require_http_methods(["GET", "POST"])
def signup(request: HtmxHttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if ratelimit.hit(ratelimit.SIGNUP_PER_IP, ratelimit.client_ip(request)):
            form.is_valid()
            form.add_error(None, "Too many sign-ups from this address. Please try again later.")
            return render(request, "accounts/signup.html", {"form": form}, status=429)
        if form.is_valid():
            user = accounts.sign_up(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                organisation_name=form.cleaned_data["organisation_name"],
            )
            login(request, user)  # the one backend of AUTHENTICATION_BACKENDS
            messages.success(request, f"Welcome! {user.membership.organisation} is ready.")
            return redirect("home")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
@require_GET
def home(request: HtmxHttpRequest) -> HttpResponse:
    """The dashboard: what needs the user's attention first, then what is waiting; a reviewer
    without an organisation sees the sections they can open."""
    organisation = organisation_of(request.user)
    if organisation is None:
        return render(request, "home.html")
    return render(
        request,
        "home.html",
        {
            "attention": dashboard.attention(organisation),
            "overview": dashboard.overview(organisation),
        },
    )

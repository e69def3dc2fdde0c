from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from registration.views import accounts

urlpatterns = [
    path("", accounts.home, name="home"),
    path("rules/", include("compliance.rules_page")),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
